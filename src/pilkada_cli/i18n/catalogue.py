"""The catalogue of every user-facing string: key -> (Indonesian, English). Parameters in {braces}."""

from pilkada_cli.i18n.help_text import HELP_TEXT
from pilkada_cli.i18n.readiness_text import READINESS_TEXT

CATALOGUE: dict[str, tuple[str, str]] = {
    **HELP_TEXT,
    **READINESS_TEXT,
    # -- states and words
    "state.done": ("selesai", "done"),
    "state.overdue": ("terlambat", "overdue"),
    "state.due_soon": ("segera", "due soon"),
    "state.upcoming": ("mendatang", "upcoming"),
    "state.no_due": ("tanpa tenggat", "no due date"),
    "countdown.day": ("Hari H", "Vote day"),
    # -- status
    "status.vote_day": ("Hari H: {date}", "Vote day: {date}"),
    "status.current_phases": ("Tahapan berjalan: {phases}", "Current phases: {phases}"),
    "status.phase_days_left": ("{name} (sisa {days} hari)", "{name} ({days} days left)"),
    "status.phase_last_day": ("{name} (hari terakhir)", "{name} (last day)"),
    "stakeholder.per_region": ("{name} ({count} wilayah)", "{name} ({count} regions)"),
    "status.in_regions": ("{count} wilayah", "{count} regions"),
    "status.overall": ("Progres keseluruhan", "Overall progress"),
    "status.counts_line": ("{done}/{total} selesai · {overdue} terlambat · {due_soon} segera",
                           "{done}/{total} done · {overdue} overdue · {due_soon} due soon"),
    "status.table_title": ("Progres per pemangku kepentingan dan tahapan", "Progress by stakeholder and phase"),
    "status.no_phase": ("(tanpa tahapan)", "(no phase)"),
    "status.attention_due_soon": ("Perlu perhatian — segera jatuh tempo ({count}), yang kritis dahulu",
                                  "Needs attention — due soon ({count}), critical first"),
    "status.attention_overdue": ("Perlu perhatian — terlambat ({count}), yang kritis dahulu",
                                 "Needs attention — overdue ({count}), critical first"),
    "status.more_items": ("… dan {count} item lagi: {command}", "… and {count} more: {command}"),
    "status.nothing_urgent": ("Tidak ada item terlambat atau segera jatuh tempo.",
                              "Nothing is overdue or due soon."),
    "status.unknown_items": ("Jurnal memuat {count} item yang tidak ada lagi di rencana (tetap disimpan): {ids}",
                             "The journal has {count} items no longer in the plan (kept): {ids}"),
    "regions.title": ("Progres per wilayah ({count})", "Progress by region ({count})"),
    "status.bad_by": ("--by '{value}' tidak dikenal; pakai --by region.", "Unknown --by '{value}'; use --by region."),
    "status.no_regions": ("Rencana ini tidak punya daftar regions; --by region butuh wilayah di pilkada.yaml.",
                          "This plan declares no regions; --by region needs regions in pilkada.yaml."),
    "col.region": ("Wilayah", "Region"),
    "col.vote_day": ("Hari H", "Vote day"),
    "col.countdown": ("Hitung mundur", "Countdown"),
    "col.stakeholder_phase": ("Pemangku kepentingan / tahapan", "Stakeholder / phase"),
    "col.stakeholder": ("Pemangku kepentingan", "Stakeholder"),
    "status.table_title_compact": ("Progres per pemangku kepentingan (tahapan: --phases)",
                                   "Progress by stakeholder (phases: --phases)"),
    "col.progress": ("Progres", "Progress"),
    "col.done": ("Selesai", "Done"),
    "col.overdue": ("Terlambat", "Overdue"),
    "col.due_soon": ("Segera", "Due soon"),
    "col.id": ("Id", "Id"),
    "col.title": ("Kegiatan", "Item"),
    "col.due": ("Tenggat", "Due"),
    "col.days_left": ("Sisa hari", "Days left"),
    "col.state": ("Status", "State"),
    "col.owner": ("Penanggung jawab", "Owner"),
    "col.completion": ("Capaian", "Completion"),
    "list.title": ("{count} item", "{count} items"),
    # -- summary
    "summary.header": ("{date} · {countdown} · Hari H {vote}", "{date} · {countdown} · vote day {vote}"),
    "summary.last_day": ("hari terakhir", "last day"),
    "summary.phase_last_day": ("{name}: hari terakhir", "{name}: last day"),
    "summary.header_vote_day": ("{date} · {countdown}", "{date} · {countdown}"),
    "summary.regions_done": ("{done}/{total} {office} selesai; belum: {regions}",
                             "{done} of {total} {office} done; not yet: {regions}"),
    "summary.regions_none_done": ("0/{total} {office} selesai", "0 of {total} {office} done"),
    "summary.regions_more": ("dan {count} lainnya", "and {count} more"),
    "summary.subject": ("[pilkada] {countdown} · {name} · {date}", "[pilkada] {countdown} · {name} · {date}"),
    "summary.points": ("{value} poin", "{value} points"),
    "summary.phases": ("Tahapan", "Phases"),
    "summary.phase_running": ("{name}: berjalan, sisa {days} hari", "{name}: running, {days} days left"),
    "summary.phase_starting": ("{name}: mulai {date} ({days} hari lagi)", "{name}: starts {date} (in {days} days)"),
    "summary.progress": ("Progres {progress}, {done}/{total} selesai ({change} sejak {since})",
                         "Progress {progress}, {done}/{total} done ({change} since {since})"),
    "summary.progress_line": ("{name}: {progress} ({change}), {done}/{total} selesai",
                              "{name}: {progress} ({change}), {done}/{total} done"),
    "summary.completed": ("Selesai sejak {since} ({count})", "Completed since {since} ({count})"),
    "summary.newly_overdue": ("Baru terlambat sejak {since} ({count})", "Newly overdue since {since} ({count})"),
    "summary.overdue": ("Semua yang terlambat ({count})", "All overdue ({count})"),
    "summary.due_soon": ("Jatuh tempo dalam {days} hari ({count})", "Due within {days} days ({count})"),
    "summary.chain": ("Jurnal: {events} catatan · kode rantai {chain}", "Journal: {events} entries · chain code "
                      "{chain}"),
    "summary.none": ("tidak ada", "none"),
    "summary.more": ("… dan {count} lagi: pilkada list --state {state}", "… and {count} more: pilkada list --state {state}"),
    "summary.by": ("(oleh {who})", "(by {who})"),
    "summary.due": ("tenggat {date} ({label})", "due {date} ({label})"),
    "summary.days_late": ("terlambat {days} hari", "days late: {days}"),
    "summary.days_left": ("sisa {days} hari", "days left: {days}"),
    "summary.bad_format": ("Format '{value}' tidak dikenal; pilih {choices}.",
                           "Unknown format '{value}'; choose {choices}."),
    "summary.bad_fail_on": ("--fail-on '{value}' tidak dikenal; pilih overdue atau critical.",
                            "Unknown --fail-on '{value}'; choose overdue or critical."),
    "output.failed": ("Gagal menulis {path}: {reason}. Ringkasan tetap dicetak di atas.",
                      "Could not write {path}: {reason}. The summary is printed above."),
    "output.not_a_file": ("{path} bukan berkas biasa (folder, tautan atau soket); tidak ditimpa. Pilih nama "
                          "berkas lain untuk --output.",
                          "{path} is not a regular file (a folder, link or socket); it was not replaced. Choose "
                          "another file name for --output."),
    "mail.failed": ("E-mail tidak terkirim lewat {host}:{port}: {reason}. Ringkasan tetap dicetak.",
                    "Mail not sent via {host}:{port}: {reason}. The summary is printed."),
    "mail.failed_recorded": ("E-mail tidak terkirim lewat {host}:{port}: {reason}. Ringkasan tetap dicetak; "
                             "kegagalan dicatat di jurnal (pilkada log --summaries).",
                             "Mail not sent via {host}:{port}: {reason}. The summary is printed; the failure is "
                             "recorded in the journal (pilkada log --summaries)."),
    "mail.bad_address": ("Alamat e-mail '{value}' tidak sah (contoh: ops@polda.example); tidak ada yang dikirim.",
                         "The e-mail address '{value}' is not valid (e.g. ops@polda.example); nothing was sent."),
    "mail.dry_run": ("--dry-run: tidak ada e-mail yang dikirim (akan ke: {recipients}).",
                     "--dry-run: no mail was sent (it would go to: {recipients})."),
    "mail.needs_starttls": ("Login SMTP ke {host} tanpa STARTTLS akan mengirim kata sandi tanpa enkripsi; tidak "
                            "dikirim. Pasang smtp_starttls: true (atau, bila memang disengaja, false) di notify.",
                            "An SMTP login to {host} without STARTTLS would send the password in clear; nothing was "
                            "sent. Set smtp_starttls: true (or, if you mean it, false) under notify."),
    "mail.cleartext_warning": ("Peringatan: kata sandi SMTP dikirim ke {host} tanpa enkripsi (smtp_starttls: false).",
                               "Warning: the SMTP password goes to {host} unencrypted (smtp_starttls: false)."),
    "mail.bad_port": ("Port SMTP '{value}' bukan angka; periksa PILKADA_SMTP_PORT atau notify.smtp_port.",
                      "SMTP port '{value}' is not a number; check PILKADA_SMTP_PORT or notify.smtp_port."),
    # -- log and cron
    "log.title": ("Jurnal: {count} catatan", "Journal: {count} entries"),
    "log.not_in_plan": ("(tidak ada lagi di rencana)", "(no longer in the plan)"),
    "log.summaries_title": ("Ringkasan yang dijalankan: {count}", "Summaries run: {count}"),
    "log.delivery_ok": ("terkirim", "sent"),
    "col.day": ("Hari", "Day"),
    "col.scope": ("Cakupan", "Scope"),
    "col.delivery": ("Pengiriman", "Delivery"),
    "col.recipients": ("Penerima", "Recipients"),
    "col.when": ("Waktu", "When"),
    "col.who": ("Oleh", "Who"),
    "col.what": ("Kejadian", "What"),
    "col.item": ("Item", "Item"),
    "col.value": ("Nilai", "Value"),
    "col.note": ("Catatan", "Note"),
    "kind.done": ("selesai", "done"),
    "kind.undone": ("dibatalkan", "undone"),
    "kind.progress": ("nilai", "value"),
    "kind.note": ("catatan", "note"),
    "cron.comment": ("# Ringkasan harian pilkada: {name}. Pasang dengan `crontab -e` lalu tempel dua baris di "
                     "bawah.",
                     "# pilkada daily summary: {name}. Install with `crontab -e` and paste the two lines below."),
    "cron.comment_mail": ("# Cron mengirim keluaran ke MAILTO; tambahkan --output FILE untuk menyimpannya juga.",
                          "# cron mails the output to MAILTO; add --output FILE to keep a copy as well."),
    "cron.control_character": ("'{value}' memuat karakter kendali (mis. baris baru); baris cron tidak dibuat. "
                               "Ganti nama folder atau nilainya.",
                               "'{value}' holds a control character (e.g. a newline); no cron line was made. "
                               "Rename the folder or change the value."),
    "cron.bad_time": ("Jam '{value}' tidak sah; tulis HH:MM, mis. 06:30.", "Time '{value}' is not valid; write "
                      "HH:MM, e.g. 06:30."),
    # -- tick
    "tick.done": ("✔ {id}: {state} ({completion})", "✔ {id}: {state} ({completion})"),
    "tick.value": ("✔ {id}: nilai dicatat, {completion} → {state}", "✔ {id}: value recorded, {completion} → {state}"),
    "tick.undone": ("↺ {id}: dibatalkan, kini {state} ({completion})", "↺ {id}: undone, now {state} ({completion})"),
    "tick.already_done": ("= {id}: sudah selesai sebelumnya, tidak ada yang diubah",
                          "= {id}: already done, nothing changed"),
    "tick.value_undone": ("↺ {id}: nilai dikembalikan, kini {completion}", "↺ {id}: value undone, now {completion}"),
    "tick.not_done": ("= {id}: memang belum selesai, tidak ada yang diubah", "= {id}: not done, nothing changed"),
    "tick.noted": ("= {id}: status tetap {state}; catatan disimpan", "= {id}: still {state}; note recorded"),
    "tick.stakeholder_progress": ("Progres {name}: {progress}", "{name} progress: {progress}"),
    "tick.unknown": ("Item '{ref}' tidak ada di rencana. Mungkin maksud Anda: {suggestions}. "
                     "Lihat semua id dengan: pilkada list",
                     "No item '{ref}' in the plan. Did you mean: {suggestions}? See every id with: pilkada list"),
    "tick.unknown_none": ("Item '{ref}' tidak ada di rencana. Lihat semua id dengan: pilkada list",
                          "No item '{ref}' in the plan. See every id with: pilkada list"),
    "tick.ambiguous": ("Id '{ref}' ada pada lebih dari satu pemangku kepentingan; sebut id lengkapnya: {choices}",
                       "Id '{ref}' exists for more than one stakeholder; give the full id: {choices}"),
    "tick.value_not_quantitative": ("{id} tidak punya target, jadi tidak bisa diberi --value. "
                                    "Tandai saja: pilkada tick {id}",
                                    "{id} has no target, so it takes no --value. Tick it: pilkada tick {id}"),
    "tick.bad_value": ("--value '{value}' bukan angka. Contoh: 65, 65,5 atau 65%.",
                       "--value '{value}' is not a number. For example: 65, 65.5 or 65%."),
    "tick.value_out_of_range": ("Nilai {value} tidak sah: beri angka 0 atau lebih, paling besar {limit}.",
                                "Value {value} is not valid: give a number from 0 to {limit}."),
    "write.future_on": ("--on {day} belum tiba (hari ini {today}); catatan hanya boleh untuk hari ini atau "
                        "sebelumnya. Untuk melihat keadaan mendatang, pakai status atau summary --dry-run.",
                        "--on {day} has not come yet (today is {today}); a record may be dated today or earlier. "
                        "To look ahead, use status, or summary --dry-run."),
    "tick.value_negative": ("Nilai {value} tidak sah: beri angka 0 atau lebih.",
                            "Value {value} is not valid: give a number of 0 or more."),
    "tick.undo_and_value": ("--undo dan --value tidak bisa dipakai bersama.", "--undo and --value cannot be combined."),
    "tick.region_needed": ("{id} dicatat per wilayah; sebut wilayahnya, mis. {example}. Wilayah: {regions}",
                           "{id} is tracked per region; name the region, e.g. {example}. Regions: {regions}"),
    "tick.region_not_per_region": ("{id} tidak dicatat per wilayah; hapus @wilayah atau --region.",
                                   "{id} is not tracked per region; drop @region or --region."),
    "tick.region_not_applicable": ("{id} tidak berlaku di wilayah {region}; hanya di: {regions}",
                                   "{id} does not apply in region {region}; only in: {regions}"),
    "tick.region_twice": ("{ref} sudah menyebut wilayah, berbeda dengan --region {region}.",
                          "{ref} already names a region, different from --region {region}."),
    # -- command-line values
    "stakeholder.unknown": ("Pemangku kepentingan '{value}' tidak ada di rencana. Yang ada: {suggestions}",
                            "No stakeholder '{value}' in the plan. Known: {suggestions}"),
    "phase.unknown": ("Tahapan '{value}' tidak ada di rencana. Yang ada: {suggestions}",
                      "No phase '{value}' in the plan. Known: {suggestions}"),
    "region.unknown": ("Wilayah '{value}' tidak ada di rencana. Yang mirip: {suggestions}",
                       "No region '{value}' in the plan. Close: {suggestions}"),
    "state.unknown": ("Status '{value}' tidak dikenal. Pilih salah satu: {choices}",
                      "Unknown state '{value}'. Choose one of: {choices}"),
    "lang.unknown": ("Bahasa '{value}' tidak tersedia; pilih id atau en.", "Language '{value}' is not available; "
                     "choose id or en."),
    "date.invalid": ("Tanggal '{text}' tidak dikenali. Tulis seperti: {example}",
                     "Date '{text}' is not recognised. Write it like: {example}"),
    "date.nonexistent": ("Tanggal '{text}' tidak ada di kalender; periksa hari dan bulannya.",
                         "Date '{text}' does not exist; check the day and month."),
    "date.out_of_range": ("Tanggal '{text}' di luar rentang tahun {first}–{last}.",
                          "Date '{text}' is outside the years {first}–{last}."),
    "offset.invalid": ("'{text}' bukan offset H yang sah. Tulis H-30 (30 hari sebelum Hari H), H, atau H+3.",
                       "'{text}' is not a valid H-offset. Write H-30 (30 days before the vote), H, or H+3."),
    "now.ignored": ("PILKADA_NOW diabaikan: jam tetap hanya untuk uji (PILKADA_TESTING=1).",
                    "PILKADA_NOW ignored: a fixed clock is for tests only (PILKADA_TESTING=1)."),
    "now.invalid": ("PILKADA_NOW '{value}' bukan waktu ISO, mis. 2024-11-26T16:30:00+00:00.",
                    "PILKADA_NOW '{value}' is not an ISO time, e.g. 2024-11-26T16:30:00+00:00."),
    "timezone.unknown": ("Zona waktu '{name}' tidak dikenal. Pakai nama IANA: Asia/Jakarta (WIB), "
                         "Asia/Makassar (WITA) atau Asia/Jayapura (WIT).",
                         "Unknown time zone '{name}'. Use an IANA name: Asia/Jakarta (WIB), Asia/Makassar (WITA) "
                         "or Asia/Jayapura (WIT)."),
    # -- errors in general
    "error.prefix": ("Kesalahan: ", "Error: "),
    "plan.invalid": ("Rencana tidak valid ({count} kesalahan):", "The plan is not valid ({count} errors):"),
    "plan.more_problems": ("… dan {count} kesalahan lain", "… and {count} more errors"),
    "plan.run_check": ("Daftar lengkap dan cara memperbaikinya: pilkada check",
                       "For the full list and how to fix each: pilkada check"),
    "plan.not_found": ("Rencana tidak ditemukan di {path}. Beri folder yang berisi pilkada.yaml, atau buat "
                       "dengan: pilkada init FOLDER --vote-date TANGGAL",
                       "No plan at {path}. Give a folder holding pilkada.yaml, or create one with: "
                       "pilkada init FOLDER --vote-date DATE"),
    "plan.no_plan_file": ("Tidak ada pilkada.yaml di {path}.", "No pilkada.yaml in {path}."),
    "severity.error": ("kesalahan", "error"),
    "severity.warning": ("peringatan", "warning"),
    # -- plan problems
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
    "target.map_not_per_region": ("target per wilayah hanya untuk item pemangku kepentingan per_region; tulis satu "
                                  "angka.",
                                  "A target per region is only for items of a per_region stakeholder; write one "
                                  "number."),
    "target.map_missing_regions": ("target tidak menyebut wilayah {regions}; tambahkan angkanya, atau \"*\" untuk "
                                   "wilayah lainnya.",
                                   "target gives no number for {regions}; add theirs, or \"*\" for the other "
                                   "regions."),
    "region.office_not_per_region": ("offices menamai kantor '{id}', tetapi '{id}' bukan pemangku kepentingan "
                                     "per_region; nama kantornya cukup di stakeholders.",
                                     "offices names an office of '{id}', but '{id}' is not a per_region "
                                     "stakeholder; its one name goes under stakeholders."),
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
    # -- journal
    "journal.readonly": ("Jurnal {path} tidak bisa ditulis (berkas atau foldernya hanya-baca). Periksa izinnya; "
                         "tidak ada yang hilang.",
                         "The journal {path} cannot be written (the file or its folder is read-only). Check its "
                         "permissions; nothing was lost."),
    "journal.locked": ("Jurnal {path} sedang dikunci proses lain terlalu lama. Coba lagi sebentar lagi; "
                       "tidak ada yang hilang.",
                       "The journal {path} stayed locked by another process. Try again shortly; nothing was lost."),
    "journal.disk_full": ("Disk penuh; jurnal {path} tidak bisa ditulis. Kosongkan ruang lalu ulangi; "
                          "tidak ada yang hilang.",
                          "The disk is full; the journal {path} cannot be written. Free some space and retry; "
                          "nothing was lost."),
    "journal.io_error": ("Disk menolak penulisan ke jurnal {path} (disk penuh, batas ukuran berkas, atau disk "
                         "rusak). Periksa disknya lalu ulangi; tidak ada yang hilang.",
                         "The disk refused a write to the journal {path} (full, a file size limit, or failing). "
                         "Check the disk and retry; nothing was lost."),
    "journal.not_a_journal": ("{path} bukan jurnal pilkada (atau rusak); berkas itu tidak disentuh. Pindahkan, "
                              "atau atur 'journal:' di pilkada.yaml ke berkas lain.",
                              "{path} is not a pilkada journal (or is damaged); it was left untouched. Move it, or "
                              "point 'journal:' in pilkada.yaml elsewhere."),
    "journal.too_new": ("Jurnal {path} dibuat oleh versi pilkada yang lebih baru (skema {version}, versi ini "
                        "mengenal {known}). Perbarui pilkada.",
                        "The journal {path} was written by a newer pilkada (schema {version}; this version knows "
                        "{known}). Upgrade pilkada."),
    "journal.integrity": ("Pemeriksaan integritas SQLite gagal untuk jurnal ini. Simpan salinannya dan hubungi "
                          "pengelola; jangan dihapus.",
                          "SQLite's integrity check fails for this journal. Keep a copy and ask for help; do not "
                          "delete it."),
    "journal.unknown_item": ("Jurnal memuat catatan untuk '{id}', yang tidak ada lagi di rencana (catatan tetap "
                             "disimpan).",
                             "The journal has entries for '{id}', which is no longer in the plan (they are kept)."),
    "check.summary": ("{errors} kesalahan, {warnings} peringatan di {path}", "{errors} errors, {warnings} warnings in "
                      "{path}"),
    "journal.bad_row": ("Jurnal memuat catatan #{id} yang tidak mungkin ditulis pilkada (waktu, jenis atau isi "
                        "yang rusak). Simpan salinan jurnal dan laporkan; jangan dihapus.",
                        "The journal holds entry #{id}, which pilkada cannot have written (a damaged time, kind "
                        "or content). Keep a copy of the journal and report it; do not delete it."),
    "journal.chain_broken": ("Rantai hash jurnal putus di catatan #{id}: catatan itu atau yang sebelumnya telah "
                             "diubah, disisipkan atau dihapus di luar pilkada. Bandingkan dengan kode rantai di "
                             "ringkasan harian yang sudah terkirim.",
                             "The journal's hash chain breaks at entry #{id}: that entry or one before it was "
                             "changed, inserted or deleted outside pilkada. Compare with the chain code in the "
                             "daily summaries already sent."),
    "journal.projection_ahead": ("Proyeksi jurnal mengaku sudah melipat sampai catatan #{upto}, padahal catatan "
                                 "terakhir #{last}: tabel turunan telah diubah.",
                                 "The journal's projection claims to cover entries up to #{upto}, but the last is "
                                 "#{last}: the derived table was tampered with."),
    "journal.projection_differs": ("Keadaan tersimpan untuk '{id}' tidak sama dengan lipatan catatannya: tabel "
                                   "turunan item_state telah diubah di luar pilkada.",
                                   "The stored state of '{id}' is not the fold of its entries: the derived "
                                   "item_state table was changed outside pilkada."),
    "journal.password_in_plan": ("Kata sandi tidak boleh ada di pilkada.yaml. Hapus dari URL 'journal:' dan "
                                 "pakai ~/.pgpass atau PGPASSWORD.",
                                 "No password in pilkada.yaml. Remove it from the 'journal:' URL and use ~/.pgpass "
                                 "or PGPASSWORD."),
    "editors.not_names": ("'editors' harus daftar nama login, mis. [kapolres_belu, kabag_ops].",
                          "'editors' must be a list of login names, e.g. [kapolres_belu, kabag_ops]."),
    "editors.refused": ("{identity} tidak boleh menulis item {stakeholder}; yang boleh: {editors}. Tidak ada yang "
                        "ditulis.", "{identity} may not write {stakeholder}'s items; its editors are: {editors}. "
                        "Nothing was written."),
    "postgres.missing_extra": ("Jurnal PostgreSQL butuh psycopg: pip install \"pilkada[postgres]\".",
                               "A PostgreSQL journal needs psycopg: pip install \"pilkada[postgres]\"."),
    "postgres.unreachable": ("Basis data {url} tidak bisa dihubungi: {reason}. Periksa alamat, layanan dan "
                             "~/.pgpass; tidak ada yang hilang.",
                             "The database {url} cannot be reached: {reason}. Check the address, the service and "
                             "~/.pgpass; nothing was lost."),
    "postgres.not_initialized": ("Basis data {url} belum disiapkan untuk pilkada. Jalankan sekali: pilkada db "
                                 "init (oleh peran yang boleh membuat tabel dan peran).",
                                 "The database {url} is not set up for pilkada yet. Run once: pilkada db init (as "
                                 "a role that may create tables and roles)."),
    "editors.refused_by_server": ("Server {url} menolak penulisan ini (hak akses atau editor): {reason}. Tidak ada "
                                  "yang ditulis.", "The server {url} refused this write (permissions or "
                                  "editors): {reason}. Nothing was written."),
    "db.not_postgres": ("Jurnal rencana ini SQLite; pilkada db init hanya untuk PostgreSQL. Atur 'journal:' ke URL "
                        "postgresql:// atau PILKADA_DATABASE_URL.",
                        "This plan's journal is SQLite; pilkada db init is for PostgreSQL. Set 'journal:' to a "
                        "postgresql:// URL or PILKADA_DATABASE_URL."),
    "db.initialised": ("Basis data {url} siap untuk rencana {plan}. Migrasi baru: {migrations}. Pemangku "
                       "kepentingan dengan editor: {guarded}.",
                       "The database {url} is ready for plan {plan}. New migrations: {migrations}. Stakeholders "
                       "with editors: {guarded}."),
    "import.unreadable": ("Tidak bisa membaca {path}: {reason}.", "Cannot read {path}: {reason}."),
    "import.other_plan": ("{path}:{line}: catatan ini milik rencana '{plan}', bukan '{expected}'; tidak ada yang "
                          "diimpor.", "{path}:{line}: this event belongs to plan '{plan}', not '{expected}'; "
                          "nothing was imported."),
    "import.bad_line": ("{path}:{line}: bukan baris ekspor pilkada (JSON dengan id, plan, item, kind, actor, at); "
                        "tidak ada yang diimpor.", "{path}:{line}: not a pilkada export line (JSON with id, plan, "
                        "item, kind, actor, at); nothing was imported."),
    "import.done": ("{added} catatan ditambahkan, {skipped} sudah ada.", "{added} events added, {skipped} already "
                    "held."),
    "sync.not_found": ("{path} bukan URL postgresql:// dan bukan berkas jurnal.", "{path} is neither a "
                       "postgresql:// URL nor a journal file."),
    "sync.done": ("Sinkron dengan {other}: {sent} catatan dikirim, {received} diterima.",
                  "Synced with {other}: {sent} events sent, {received} received."),
    "depends.unknown": ("{id}: depends_on menyebut '{ref}', yang tidak ada. Mungkin maksud Anda: {suggestions}",
                        "{id}: depends_on names '{ref}', which does not exist. Did you mean: {suggestions}"),
    "depends.cycle": ("Ketergantungan melingkar: {chain}. Hapus salah satu depends_on.",
                      "A dependency cycle: {chain}. Remove one of the depends_on."),
    "risk_dimensions.empty": ("risk_dimensions kosong; tulis dimensinya (id dan name) atau hapus kuncinya untuk "
                              "empat dimensi bawaan.",
                              "risk_dimensions is empty; list the dimensions (id and name) or remove the key for "
                              "the four default ones."),
    "risk.bad_choice": ("'{key}: {value}' tidak dikenal; pilih {choices} (mungkin: {suggestion}).",
                        "Unknown '{key}: {value}'; choose {choices} (maybe: {suggestion})."),
    "risk.unknown_mitigation": ("Mitigasi '{ref}' bukan item rencana. Mungkin maksud Anda: {suggestions}",
                                "The mitigation '{ref}' is not an item of the plan. Did you mean: {suggestions}"),
    "journal.failed": ("Jurnal {path} gagal: {reason}", "The journal {path} failed: {reason}"),
    # -- init
    "init.default_name": ("Pilkada {year}", "Pilkada {year}"),
    "init.created": ("Rencana baru di {path}: {items} item, Hari H {date}. Coba: pilkada status --plan {path}",
                     "New plan in {path}: {items} items, vote day {date}. Try: pilkada status --plan {path}"),
    "init.created_from": ("Rencana baru di {path} dari {source}: {items} item, Hari H {date}; tanggalnya ditulis "
                          "ulang sebagai H-n, jurnalnya tidak disalin. Coba: pilkada status --plan {path}",
                          "New plan in {path} from {source}: {items} items, vote day {date}; its dates are "
                          "rewritten as H-n, its journal is not copied. Try: pilkada status --plan {path}"),
    "init.from_unreadable": ("{path}: nilai '{key}' tidak bisa ditulis ulang (tulis di satu baris dengan kuncinya); "
                             "tidak ada yang ditulis.",
                             "{path}: the value of '{key}' cannot be rewritten (write it on one line with its "
                             "key); nothing was written."),
    "init.exists": ("{path} sudah berisi rencana (pilkada.yaml atau checklists/); tidak ada yang ditimpa. "
                    "Pilih folder lain.",
                    "{path} already holds a plan (pilkada.yaml or checklists/); nothing was overwritten. "
                    "Choose another folder."),
    "init.not_a_dir": ("{path} adalah berkas, bukan folder.", "{path} is a file, not a folder."),
    "init.failed": ("Gagal menulis rencana di {path}: {reason}", "Could not write the plan in {path}: {reason}"),
}
