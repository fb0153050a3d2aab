"""What can be wrong in a plan's files, with where and how to fix it (plan/validate.py, plan/yamlfile.py);
part of the one catalogue."""

PLAN_TEXT: dict[str, tuple[str, str]] = {
    "file.missing": ("Berkas tidak ditemukan.", "File not found."),
    "file.is_dir": ("Ini folder, bukan berkas YAML.", "This is a folder, not a YAML file."),
    "file.unreadable": ("Berkas tidak bisa dibaca: {reason}. Periksa izin berkas.",
                        "The file cannot be read: {reason}. Check its permissions."),
    "yaml.too_big": ("Berkas {size_mb} MB, melebihi batas {limit_mb} MB; pecah menjadi beberapa berkas.",
                     "The file is {size_mb} MB, over the {limit_mb} MB limit; split it into several files."),
    "yaml.not_utf8": ("Berkas bukan teks UTF-8. Simpan ulang sebagai UTF-8 di penyunting teks Anda.",
                      "The file is not UTF-8 text. Save it again as UTF-8 in your editor."),
    "yaml.empty": ("Berkas kosong; isi sesuai contoh di README, atau hapus berkasnya.",
                   "The file is empty; fill it as in the README's example, or delete it."),
    "yaml.syntax": ("YAML tidak sah: {reason}. Periksa indentasi (spasi, bukan tab), titik dua dan tanda kutip.",
                    "Invalid YAML: {reason}. Check indentation (spaces, not tabs), colons and quotes."),
    "yaml.too_many_aliases": ("Alias YAML (*nama) di berkas ini mengembang menjadi lebih dari {limit} nilai; "
                              "tulis nilainya langsung.",
                              "The YAML aliases (*name) in this file expand to over {limit} values; write the "
                              "values out."),
    "yaml.reason.colon": ("ada titik dua ':' yang tidak pada tempatnya (teks yang memuat ': ' perlu diberi "
                          "tanda kutip)",
                          "a colon ':' where it does not belong (text containing ': ' needs quotes)"),
    "yaml.reason.tab": ("ada karakter tab; YAML memakai spasi untuk indentasi", "a tab character; YAML indents "
                        "with spaces"),
    "yaml.reason.bad_start": ("ada karakter yang tidak boleh mengawali nilai (tab, @ atau `); beri tanda kutip "
                              "atau pakai spasi", "a character that cannot start a value (a tab, @ or `); "
                              "quote the text or use spaces"),
    "yaml.reason.indent": ("indentasi tidak sejajar dengan baris di atasnya", "the indentation does not line up "
                           "with the lines above"),
    "yaml.reason.no_colon": ("titik dua ':' setelah nama kunci tidak ditemukan", "the ':' after a key is missing"),
    "yaml.reason.dash": ("tanda '-' untuk butir daftar tidak ditemukan", "the '-' of a list entry is missing"),
    "yaml.reason.unclosed_quote": ("tanda kutip tidak ditutup", "a quote is not closed"),
    "yaml.reason.unclosed_bracket": ("kurung [ ] atau { } tidak ditutup", "a [ ] or { } bracket is not closed"),
    "yaml.reason.alias": ("alias *{name} tidak punya jangkar &{name}", "the alias *{name} has no anchor &{name}"),
    "yaml.reason.escape": ("karakter escape \\{name} tidak dikenal dalam tanda kutip ganda; pakai tanda kutip "
                           "tunggal", "an unknown escape \\{name} in double quotes; use single quotes"),
    "yaml.reason.duplicate_anchor": ("jangkar &nama yang sama dipakai dua kali", "the same &anchor is used twice"),
    "yaml.number_too_long": ("Angka di sini terlalu panjang (ribuan digit); tulis angka yang wajar.",
                             "A number here is far too long (thousands of digits); write a sensible number."),
    "yaml.too_deep": ("Struktur YAML terlalu dalam.", "The YAML structure is nested too deeply."),
    "shape.want_mapping_got_list": ("{what} harus berupa pemetaan (kunci: nilai), bukan daftar (- ...).",
                                    "{what} must be a mapping (key: value), not a list (- ...)."),
    "shape.want_mapping_got_value": ("{what} harus berupa pemetaan (kunci: nilai).",
                                     "{what} must be a mapping (key: value)."),
    "shape.want_list": ("'{key}' di {what} harus berupa daftar (baris yang diawali '- ').",
                        "'{key}' in {what} must be a list (lines starting with '- ')."),
    "key.unknown_suggest": ("Kunci '{key}' tidak dikenal di {what}. Mungkin maksud Anda '{suggestion}'?",
                            "Unknown key '{key}' in {what}. Did you mean '{suggestion}'?"),
    "key.unknown": ("Kunci '{key}' tidak dikenal di {what}. Kunci yang sah: {allowed}",
                    "Unknown key '{key}' in {what}. Valid keys: {allowed}"),
    "key.missing": ("Kunci wajib '{key}' tidak ada atau kosong di {what}; tambahkan.",
                    "Required key '{key}' is missing or empty in {what}; add it."),
    "key.duplicate": ("Kunci '{key}' ditulis dua kali di {what}; hapus salah satunya.",
                      "Key '{key}' appears twice in {what}; remove one."),
    "value.want_text": ("'{key}' di {what} harus berupa teks.", "'{key}' in {what} must be text."),
    "value.want_date": ("'{key}' di {what} harus berupa tanggal (2024-11-27) atau H-n.",
                        "'{key}' in {what} must be a date (2024-11-27) or H-n."),
    "value.want_number": ("'{key}' di {what} harus berupa angka, bukan '{value}'.",
                          "'{key}' in {what} must be a number, not '{value}'."),
    "value.too_large": ("'{key}' di {what} terlalu besar; paling besar {limit}.",
                        "'{key}' in {what} is too large; at most {limit}."),
    "value.want_positive": ("'{key}' di {what} harus lebih dari 0 (tertulis {value}).",
                            "'{key}' in {what} must be more than 0 (it is {value})."),
    "value.want_bool": ("'{key}' di {what} harus true atau false.", "'{key}' in {what} must be true or false."),
    "slug.invalid": ("'{value}' bukan id yang sah untuk {what}: pakai huruf kecil, angka dan '-', mis. "
                     "'{suggestion}'.",
                     "'{value}' is not a valid {what} id: use lowercase letters, digits and '-', e.g. "
                     "'{suggestion}'."),
    "id.duplicate": ("Id {kind} '{id}' dipakai dua kali; setiap id harus unik.",
                     "The {kind} id '{id}' is used twice; each id must be unique."),
    "id.duplicate_item": ("Item '{id}' sudah ada di {first}; ganti salah satu id.",
                          "Item '{id}' already exists at {first}; rename one of them."),
    "stakeholders.empty": ("Daftar stakeholders kosong; tulis paling sedikit satu pemangku kepentingan.",
                           "The stakeholders list is empty; declare at least one."),
    "stakeholder.undeclared": ("Pemangku kepentingan '{value}' tidak dideklarasikan di pilkada.yaml. Yang ada: "
                               "{declared}",
                               "Stakeholder '{value}' is not declared in pilkada.yaml. Declared: {declared}"),
    "stakeholder.undeclared_suggest": ("Pemangku kepentingan '{value}' tidak dideklarasikan di pilkada.yaml. "
                                       "Mungkin maksud Anda '{suggestion}'?",
                                       "Stakeholder '{value}' is not declared in pilkada.yaml. Did you mean "
                                       "'{suggestion}'?"),
    "phase.undeclared": ("Tahapan '{value}' tidak dideklarasikan di pilkada.yaml. Yang ada: {declared}",
                         "Phase '{value}' is not declared in pilkada.yaml. Declared: {declared}"),
    "phase.undeclared_suggest": ("Tahapan '{value}' tidak dideklarasikan di pilkada.yaml. Mungkin maksud Anda "
                                 "'{suggestion}'?",
                                 "Phase '{value}' is not declared in pilkada.yaml. Did you mean '{suggestion}'?"),
    "region.undeclared": ("Wilayah '{value}' tidak dideklarasikan di regions. Yang ada: {declared}",
                          "Region '{value}' is not declared under regions. Declared: {declared}"),
    "region.undeclared_suggest": ("Wilayah '{value}' tidak dideklarasikan di regions. Mungkin maksud Anda "
                                  "'{suggestion}'?",
                                  "Region '{value}' is not declared under regions. Did you mean '{suggestion}'?"),
    "region.per_region_without_regions": ("per_region: true butuh daftar regions di pilkada.yaml.",
                                          "per_region: true needs a regions list in pilkada.yaml."),
    "region.item_regions_without_regions": ("Item ini menyebut regions, tetapi rencana tidak punya daftar regions.",
                                            "This item names regions, but the plan declares no regions."),
    "region.item_regions_not_per_region": ("regions hanya berlaku untuk item pemangku kepentingan per_region.",
                                           "regions only applies to items of a per_region stakeholder."),
    "item.phase_missing": ("Item '{id}' tidak punya phase; tambahkan 'phase:' ke item atau ke berkasnya. "
                           "Tahapan: {declared}",
                           "Item '{id}' has no phase; add 'phase:' to the item or the file. Phases: {declared}"),
    "item.due_outside_phase": ("Tenggat {id} ({due}) di luar tahapan {phase} ({start} s.d. {end}).",
                               "{id} is due {due}, outside its phase {phase} ({start} to {end})."),
    "phase.ends_before_start": ("Tahapan '{id}' berakhir ({end}) sebelum dimulai ({start}); tukar start dan end.",
                                "Phase '{id}' ends ({end}) before it starts ({start}); swap start and end."),
    "timezone.unknown_in_plan": ("Zona waktu '{name}' tidak dikenal. Mungkin '{suggestion}'? WIB Asia/Jakarta, "
                                 "WITA Asia/Makassar, WIT Asia/Jayapura.",
                                 "Unknown time zone '{name}'. Maybe '{suggestion}'? WIB Asia/Jakarta, "
                                 "WITA Asia/Makassar, WIT Asia/Jayapura."),
    "language.unknown": ("language '{value}' tidak tersedia; pakai id atau en.",
                         "language '{value}' is not available; use id or en."),
    "due_soon.invalid": ("due_soon_days harus bilangan bulat 0 atau lebih, bukan '{value}'.",
                         "due_soon_days must be a whole number of 0 or more, not '{value}'."),
    "checklists.missing": ("Folder {path} tidak ada; buat dan isi dengan berkas daftar periksa (*.yaml).",
                           "Folder {path} is missing; create it and put checklist files (*.yaml) in it."),
    "checklists.empty": ("Folder {path} tidak berisi berkas *.yaml; tambahkan paling sedikit satu daftar periksa.",
                         "Folder {path} has no *.yaml files; add at least one checklist."),
    "checklist.no_items": ("Berkas ini tidak berisi item.", "This file has no items."),
    "stakeholder.no_items": ("Pemangku kepentingan '{id}' belum punya item.", "Stakeholder '{id}' has no items."),
    "notify.password_in_plan": ("Kata sandi tidak boleh ditulis di rencana; pakai variabel lingkungan "
                                "PILKADA_SMTP_PASSWORD.",
                                "Never put a password in the plan; use the PILKADA_SMTP_PASSWORD environment "
                                "variable."),
    "text.control_character_note": ("'{key}' di {what} memuat karakter kendali ({chars}); hapus karakter itu (baris baru dan tab boleh).",
                                    "'{key}' in {what} holds a control character ({chars}); remove it (newlines and tabs are fine)."),
    "depends.unknown_none": ("{id}: depends_on menyebut '{ref}', yang tidak ada. Lihat semua id dengan: pilkada list",
                             "{id}: depends_on names '{ref}', which does not exist. See every id with: pilkada list"),
    "region.none_in_plan": ("Wilayah '{value}' tidak ada: rencana ini tidak punya daftar regions.",
                            "No region '{value}': this plan declares no regions."),
    "stakeholder.none_in_plan": ("Pemangku kepentingan '{value}' tidak ada: rencana ini belum punya daftar stakeholders.",
                                 "No stakeholder '{value}': this plan declares no stakeholders."),
    "phase.none_in_plan": ("Tahapan '{value}' tidak ada: rencana ini tidak punya daftar phases.",
                           "No phase '{value}': this plan declares no phases."),
    "text.control_character": ("'{key}' di {what} memuat karakter kendali ({chars}); tulis teksnya di satu baris tanpa karakter itu "
                               "(teks panjang: pakai >- agar tidak ada baris baru di akhir).",
                               "'{key}' in {what} holds a control character ({chars}); write the text on one line without it (for "
                               "long text use >-, so no newline is left at the end)."),
    "target.map_not_per_region": ("target per wilayah hanya untuk item pemangku kepentingan per_region; tulis satu angka.",
                                  "A target per region is only for items of a per_region stakeholder; write one number."),
    "target.map_missing_regions": ("target tidak menyebut wilayah {regions}; tambahkan angkanya, atau \"*\" untuk wilayah lainnya.",
                                   "target gives no number for {regions}; add theirs, or \"*\" for the other regions."),
    "region.office_not_per_region": ("offices menamai kantor '{id}', tetapi '{id}' bukan pemangku kepentingan per_region; nama kantornya "
                                     "cukup di stakeholders.",
                                     "offices names an office of '{id}', but '{id}' is not a per_region stakeholder; its one name goes "
                                     "under stakeholders."),
    "risk_dimensions.empty": ("risk_dimensions kosong; tulis dimensinya (id dan name) atau hapus kuncinya untuk empat dimensi "
                              "bawaan.",
                              "risk_dimensions is empty; list the dimensions (id and name) or remove the key for the four default "
                              "ones."),
    "contacts.undeclared": ("contacts: '{value}' bukan pemangku kepentingan rencana ini dan bukan leadership. "
                            "Yang ada: {declared}",
                            "contacts: '{value}' is neither a stakeholder of this plan nor leadership. Declared: "
                            "{declared}"),
    "contacts.undeclared_suggest": ("contacts: '{value}' bukan pemangku kepentingan rencana ini. Mungkin maksud "
                                    "Anda '{suggestion}'?",
                                    "contacts: '{value}' is not a stakeholder of this plan. Did you mean "
                                    "'{suggestion}'?"),
    "contacts.needs_regions": ("contacts.{office}: {office} punya kantor di setiap wilayah; tulis kontaknya per "
                               "wilayah (belu: ...) atau di bawah \"*\" untuk semua wilayah lainnya.",
                               "contacts.{office}: {office} has an office in every region; give its contacts per "
                               "region (belu: ...) or under \"*\" for every other region."),
    "contacts.regions_not_per_region": ("contacts.{office}: {office} bukan per_region; tulis mail: dan webhook: "
                                        "langsung di bawahnya, tanpa wilayah.",
                                        "contacts.{office}: {office} is not per_region; put mail: and webhook: "
                                        "right under it, without regions."),
    "contacts.empty": ("contacts.{office} tidak punya mail: maupun webhook:; tambahkan salah satu, atau hapus "
                       "entrinya.",
                       "contacts.{office} has neither mail: nor webhook:; add one, or remove the entry."),
    "contacts.bad_address": ("contacts.{office}: {reason}", "contacts.{office}: {reason}"),
    "contacts.webhook_bad": ("Alamat webhook '{url}' tidak sah; tulis https://host/jalur.",
                             "The webhook address '{url}' is not valid; write https://host/path."),
    "contacts.webhook_not_https": ("Webhook '{url}' harus https:// (http:// hanya ke mesin ini sendiri, mis. "
                                   "127.0.0.1); ringkasan tidak dikirim tanpa enkripsi.",
                                   "The webhook '{url}' must be https:// (http:// only to this machine itself, "
                                   "e.g. 127.0.0.1); a digest is never sent unencrypted."),
    "contacts.webhook_credentials": ("Webhook '{url}' memuat nama dan kata sandi; simpan tokennya di variabel "
                                     "lingkungan dan sebut namanya dengan token_env.",
                                     "The webhook '{url}' carries a name and password; keep the token in an "
                                     "environment variable and name it with token_env."),
    "contacts.token_in_plan": ("'{key}' tidak boleh ditulis di rencana; simpan di variabel lingkungan dan sebut "
                               "namanya dengan token_env: NAMA_VARIABEL.",
                               "Never put '{key}' in the plan; keep it in an environment variable and name it "
                               "with token_env: VARIABLE_NAME."),
    "contacts.bad_token_env": ("token_env '{value}' bukan nama variabel lingkungan (huruf, angka dan _, mis. "
                               "WEBHOOK_TOKEN_BELU).",
                               "token_env '{value}' is not an environment variable's name (letters, digits and _, "
                               "e.g. WEBHOOK_TOKEN_BELU)."),
    "escalate.bad_days": ("escalate.critical_overdue_days harus bilangan bulat 1 atau lebih, bukan '{value}'.",
                          "escalate.critical_overdue_days must be a whole number of 1 or more, not '{value}'."),
}
