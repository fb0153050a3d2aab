"""Words of the journal: its files and databases, who may write, what the server refuses, imports and sync;
part of the one catalogue."""

JOURNAL_TEXT: dict[str, tuple[str, str]] = {
    "journal.readonly": ("Jurnal {path} tidak bisa ditulis (berkas atau foldernya hanya-baca). Periksa izinnya; "
                         "tidak ada yang hilang.",
                         "The journal {path} cannot be written (the file or its folder is read-only). Check its "
                         "permissions; nothing was lost."),
    "journal.old_readonly": ("Jurnal {path} dibuat versi pilkada yang lebih lama dan perlu ditingkatkan sekali "
                             "sebelum dibaca, tetapi Anda tidak boleh menulisnya. Minta pemiliknya menjalankan "
                             "`pilkada status` sekali; tidak ada yang hilang.",
                             "The journal {path} was written by an older pilkada and must be upgraded once before it "
                             "is read, but you may not write it. Ask its owner to run `pilkada status` once; "
                             "nothing was lost."),
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
    "journal.integrity": ("Pemeriksaan integritas jurnal gagal: berkas SQLite rusak, atau di PostgreSQL skema dan "
                          "fungsi server tidak utuh (admin basis data menjalankan pilkada db init). Simpan "
                          "salinannya dan hubungi pengelola; jangan dihapus.",
                          "The journal's integrity check fails: a damaged SQLite file, or on PostgreSQL a schema "
                          "or server functions no longer whole (the database administrator runs pilkada db init). "
                          "Keep a copy and ask for help; do not delete it."),
    "journal.unknown_item": ("Jurnal memuat catatan untuk '{id}', yang tidak ada lagi di rencana (catatan tetap "
                             "disimpan).",
                             "The journal has entries for '{id}', which is no longer in the plan (they are kept)."),
    "check.summary": ("{errors} kesalahan, {warnings} peringatan di {path}", "{errors} {errors|error|errors}, {warnings} {warnings|warning|warnings} in "
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
    "journal.summary_chain_broken": ("Rantai hash ringkasan putus di ringkasan #{id}: catatan ringkasan itu atau "
                                     "yang sebelumnya telah diubah atau disisipkan di luar pilkada.",
                                     "The chain of summary runs breaks at run #{id}: that run or one before it was "
                                     "changed or inserted outside pilkada."),
    "journal.chain_broken_before_upgrade": ("Rantai hash jurnal sudah putus di catatan #{id} sebelum jurnal "
                                            "ditingkatkan ke format ini (lalu dirantai ulang). Bandingkan dengan kode "
                                            "rantai di ringkasan lama.",
                                            "The journal's hash chain was already broken at entry #{id} before the "
                                            "journal was upgraded to this format (and chained anew). Compare with "
                                            "the chain codes in older summaries."),
    "journal.head_missing": ("Jurnal tidak lagi memuat kepala rantai {head} (kini {events} catatan): riwayat yang "
                             "dilaporkan ringkasan itu telah ditulis ulang, atau kodenya salah ketik.",
                             "The journal no longer holds the chain head {head} (it has {events} {events|entry|entries} now): the "
                             "history that summary reported was rewritten, or the code was mistyped."),
    "check.bad_head": ("'{value}' bukan kode rantai: tulis N:KODE atau KODE seperti di ringkasan harian, mis. "
                       "12:3f9a0c1b2d4e.", "'{value}' is not a chain code: write N:CODE or CODE as the daily "
                       "summary prints it, e.g. 12:3f9a0c1b2d4e."),
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
    "editors.not_names": ("'editors' harus daftar nama login, mis. [kapolres_belu, kabag_ops], atau per wilayah, "
                          "mis. {{\"*\": [kabagops_polda], belu: [kapolres_belu]}}.",
                          "'editors' must be a list of login names, e.g. [kapolres_belu, kabag_ops], or one per "
                          "region, e.g. {{\"*\": [kabagops_polda], belu: [kapolres_belu]}}."),
    "editors.map_needs_regions": ("'editors' per wilayah hanya untuk pemangku kepentingan per_region; tulis daftar "
                                  "nama saja.", "'editors' by region is only for a per_region stakeholder; write a "
                                  "list of names."),
    "editors.unknown_region": ("'editors' menyebut wilayah '{region}', yang tidak ada di 'regions'. Mungkin: "
                               "{suggestions}. \"*\" berarti semua wilayah.",
                               "'editors' names the region '{region}', which is not under 'regions'. Perhaps: "
                               "{suggestions}. \"*\" means every region."),
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
    "postgres.not_a_writer": ("Peran {identity} tidak boleh menulis ke {url}: minta pengelola basis data "
                              "menjalankan GRANT pilkada_writer TO {identity}. Tidak ada yang ditulis.",
                              "The role {identity} may not write to {url}: ask the database's administrator to run "
                              "GRANT pilkada_writer TO {identity}. Nothing was written."),
    "postgres.not_utf8": ("Basis data {url} memakai pengodean {encoding}; pilkada butuh UTF8 (CREATE DATABASE ... "
                          "ENCODING 'UTF8').", "The database {url} uses the {encoding} encoding; pilkada needs UTF8 "
                          "(CREATE DATABASE ... ENCODING 'UTF8')."),
    "postgres.writable": ("Peran {role} boleh mengubah tabel {table} secara langsung: jalankan lagi pilkada db init "
                          "untuk mencabut hak itu.", "The role {role} may change the table {table} directly: run "
                          "pilkada db init again to revoke it."),
    # The journal's own refusals (the PostgreSQL server's functions, or the SQLite journal's transaction)
    "refused.not_editor": ("Server {url} menolak: {identity} bukan editor {stakeholder} di wilayah {region}; yang "
                           "boleh: {editors}. Tidak ada yang ditulis.",
                           "The server {url} refused: {identity} is not an editor of {stakeholder} in the region "
                           "{region}; who may: {editors}. Nothing was written."),
    "refused.not_importer": ("Server {url} menolak: {identity} boleh membawa masuk catatan {actor} untuk "
                             "{stakeholder} di wilayah {region} hanya sebagai editornya ({editors}) atau anggota "
                             "pilkada_importer. Tidak ada yang ditulis.",
                             "The server {url} refused: {identity} may bring in {actor}'s entries for {stakeholder} "
                             "in the region {region} only as one of its editors ({editors}) or as a member of "
                             "pilkada_importer. Nothing was written."),
    "refused.not_editor_plan": ("Server {url} menolak: {identity} bukan editor {stakeholder}; yang boleh: {editors}. "
                                "Tidak ada yang ditulis.", "The server {url} refused: {identity} is not an editor of "
                                "{stakeholder}; who may: {editors}. Nothing was written."),
    "refused.not_importer_plan": ("Server {url} menolak: {identity} boleh membawa masuk catatan {actor} untuk "
                                  "{stakeholder} hanya sebagai editornya ({editors}) atau anggota pilkada_importer. "
                                  "Tidak ada yang ditulis.",
                                  "The server {url} refused: {identity} may bring in {actor}'s entries for "
                                  "{stakeholder} only as one of its editors ({editors}) or as a member of "
                                  "pilkada_importer. Nothing was written."),
    "refused.bad_item": ("item '{item}' bukan id rencana (pemangku/item, huruf kecil)", "'{item}' is not a plan's "
                         "item id (stakeholder/item, in lowercase)"),
    "refused.bad_kind": ("jenis '{kind}' tidak cocok untuk item '{item}'", "the kind '{kind}' does not fit the item "
                         "'{item}'"),
    "refused.unknown_stakeholder": ("pemangku kepentingan '{stakeholder}' tidak dimuat di server; jalankan pilkada "
                                    "db init dengan rencana ini", "the stakeholder '{stakeholder}' is not loaded on "
                                    "the server; run pilkada db init with this plan"),
    "refused.unknown_region": ("wilayah '{region}' tidak dimuat di server; jalankan pilkada db init dengan rencana "
                               "ini", "the region '{region}' is not loaded on the server; run pilkada db init with "
                               "this plan"),
    "refused.region_needed": ("item '{item}' milik pemangku per wilayah: butuh wilayah", "'{item}' belongs to a "
                              "per-region stakeholder: it needs a region"),
    "refused.region_not_wanted": ("item '{item}' tidak punya wilayah", "'{item}' has no region"),
    "refused.bad_value": ("nilai {value} tidak sah untuk item '{item}'", "the value {value} is not valid for "
                          "'{item}'"),
    "refused.bad_note": ("catatan terlalu panjang atau memuat karakter kendali", "the note is too long or holds "
                         "control characters"),
    "refused.bad_name": ("nama pencatat atau tanda tangan tidak sah", "the name or the signature is not valid"),
    "refused.bad_detail": ("isi khusus jenisnya (call, level, stage) tidak sah", "the kind's own fields (call, "
                           "level, stage) are not valid"),
    "refused.bad_time": ("waktu {at} lebih dari lima menit setelah jam jurnal ({now})", "the time {at} is more than "
                         "five minutes past the journal's clock ({now})"),
    "refused.other_content": ("id {id} sudah ada dengan isi lain", "the id {id} is held already with other "
                              "content"),
    "refused.bad_line": ("baris tidak terbaca oleh server", "the server cannot read the line"),
    "refused.bad_summary": ("ringkasan tidak sah", "the summary run is not valid"),
    "db.not_postgres": ("Jurnal rencana ini SQLite; pilkada db init hanya untuk PostgreSQL. Atur 'journal:' ke URL "
                        "postgresql:// atau PILKADA_DATABASE_URL.",
                        "This plan's journal is SQLite; pilkada db init is for PostgreSQL. Set 'journal:' to a "
                        "postgresql:// URL or PILKADA_DATABASE_URL."),
    "db.initialised": ("Basis data {url} siap untuk rencana {plan}. Migrasi baru: {migrations}. Pemangku "
                       "kepentingan dengan editor: {guarded}.",
                       "The database {url} is ready for plan {plan}. New migrations: {migrations}. Stakeholders "
                       "with editors: {guarded}."),
    "import.unreadable": ("Tidak bisa membaca {path}: {reason}.", "Cannot read {path}: {reason}."),
    "import.bad_line": ("{path}:{line}: {reason}. Tidak ada yang diimpor; perbaiki atau hapus baris itu.",
                        "{path}:{line}: {reason}. Nothing was imported; fix or remove that line."),
    "import.refused_said": ("{path}:{line}: {reason}", "{path}:{line}: {reason}"),  # a refusal that says it all
    "import.refused_line": ("{path}:{line}: {reason}. Tidak ada yang diimpor.", "{path}:{line}: {reason}. Nothing "
                            "was imported."),
    # What is wrong with a line of an export (journal import, sync)
    "line.not_json": ("bukan baris ekspor pilkada (JSON dengan id, plan, item, kind, actor, at)",
                      "not a pilkada export line (JSON with id, plan, item, kind, actor, at)"),
    "line.not_object": ("bukan baris ekspor pilkada (JSON dengan id, plan, item, kind, actor, at)",
                        "not a pilkada export line (JSON with id, plan, item, kind, actor, at)"),
    "line.other_plan": ("catatan ini milik rencana '{plan}', bukan '{expected}'", "this event belongs to plan "
                        "'{plan}', not '{expected}'"),
    "line.bad_id": ("id '{value}' bukan UUID", "the id '{value}' is not a UUID"),
    "line.bad_kind": ("jenis '{value}' tidak dikenal; yang ada: {choices}", "the kind '{value}' is unknown; known: "
                      "{choices}"),
    "line.bad_item": ("item '{value}' bukan id item rencana", "'{value}' is not an item id of a plan"),
    "line.unknown_item": ("'{value}' tidak ada di rencana ini", "'{value}' is not in this plan"),
    "line.unknown_region": ("wilayah '{value}' tidak berlaku untuk '{item}' di rencana ini", "the region '{value}' "
                            "does not apply to '{item}' in this plan"),
    "line.bad_value": ("nilai {value} tidak sah (angka 0 sampai 10 triliun, hanya untuk done, undone, progress)",
                       "the value {value} is not valid (a number from 0 to 10 trillion, only for done, undone, "
                       "progress)"),
    "line.bad_text": ("'{field}' harus teks tanpa karakter kendali, paling banyak {limit} karakter",
                      "'{field}' must be text without control characters, at most {limit} characters"),
    "line.bad_field": ("'{field}' bernilai '{value}'; yang sah: {choices}", "'{field}' is '{value}'; valid: "
                       "{choices}"),
    "line.bad_time": ("waktu '{value}' bukan waktu ISO dengan zona, mis. 2024-08-01T03:00:00+00:00",
                      "the time '{value}' is not an ISO time with its offset, e.g. 2024-08-01T03:00:00+00:00"),
    "line.not_editor": ("{actor} bukan editor {stakeholder} (yang boleh: {editors})", "{actor} is not an editor of "
                        "{stakeholder} (who may: {editors})"),
    "import.done": ("{added} catatan ditambahkan, {skipped} sudah ada.", "{added} {added|event|events} added, {skipped} already "
                    "held."),
    "sync.not_found": ("{path} bukan URL postgresql:// dan bukan berkas jurnal.", "{path} is neither a "
                       "postgresql:// URL nor a journal file."),
    "sync.done": ("Sinkron dengan {other}: {sent} catatan dikirim, {received} diterima.",
                  "Synced with {other}: {sent} {sent|event|events} sent, {received} received."),
    # -- signed entries (spec section 16)
    "key.created": ("Kunci untuk {identity} dibuat di {folder} (hanya Anda yang bisa membacanya; jangan dibagikan). "
                    "Tambahkan baris ini di bawah keys: di pilkada.yaml dan bagikan rencananya:",
                    "A key for {identity} is made in {folder} (readable by you alone; never share it). Add this line "
                    "under keys: in pilkada.yaml and share the plan:"),
    "key.state.current": ("kunci berlaku di rencana {plan}", "the current key in plan {plan}"),
    "key.state.retired": ("kunci pensiun di rencana {plan}: catatan lama tetap terbukti, catatan baru tidak bisa "
                          "ditandatangani dengannya", "a retired key in plan {plan}: old entries still verify, new "
                          "ones cannot be signed with it"),
    "key.state.not_listed": ("belum tercantum di keys: rencana {plan}", "not yet under keys: in plan {plan}"),
    "key.none": ("Anda belum punya kunci di {folder}. Buat dengan: pilkada key init",
                 "You hold no key in {folder}. Make one with: pilkada key init"),
    "key.bad_identity": ("'{identity}' bukan nama identitas yang bisa dipakai untuk kunci.",
                         "'{identity}' cannot name a key's identity."),
    "key.exists": ("Sudah ada kunci untuk {identity} di {path}; tidak ditimpa. Lihat: pilkada key show",
                   "A key for {identity} is in {path} already; it was not overwritten. See: pilkada key show"),
    "key.unwritable": ("Kunci tidak bisa ditulis di {path}: {reason}.", "The key cannot be written to {path}: {reason}."),
    "key.unreadable": ("Kunci di {path} tidak bisa dibaca: {reason}.", "The key in {path} cannot be read: {reason}."),
    "key.too_open": ("Kunci di {path} bisa dibaca orang lain; jalankan chmod 600 {path} (dan buat kunci baru bila "
                     "sudah terbaca).", "The key in {path} is readable by others; run chmod 600 {path} (and make a "
                     "new key if it has been read)."),
    "key.damaged": ("Berkas kunci {path} rusak; buat kunci baru dan ganti baris di keys:.",
                    "The key file {path} is damaged; make a new key and replace its line under keys:."),
    "key.missing": ("Tidak ada kunci untuk {identity} di {folder}. Buat dengan: pilkada key init --identity "
                    "{identity}", "No key for {identity} in {folder}. Make one with: pilkada key init --identity "
                    "{identity}"),
    "key.which": ("Anda memegang kunci beberapa identitas di rencana ini ({identities}); pilih satu dengan "
                  "PILKADA_KEY=nama.", "You hold keys of several identities in this plan ({identities}); choose one "
                  "with PILKADA_KEY=name."),
    "key.required": ("Rencana ini mewajibkan tanda tangan dan {identity} punya kunci, tetapi kuncinya tidak ada di "
                     "{folder}. Salin kunci Anda ke sana (atau buat baru dan perbarui keys:). Tidak ada yang "
                     "ditulis.", "This plan requires signatures and {identity} has a key, but it is not in "
                     "{folder}. Copy your key there (or make a new one and update keys:). Nothing was written."),
    "key.retired": ("Kunci {identity} Anda sudah pensiun di rencana ini; catatan baru harus memakai kunci yang "
                    "berlaku (yang pertama di keys:). Tidak ada yang ditulis.", "Your key of {identity} is retired in "
                    "this plan; new entries must use its current key (the first under keys:). Nothing was written."),
    "key.not_in_plan": ("Kunci {identity} Anda ({key}) tidak tercantum di keys: rencana ini; tambahkan, atau pakai "
                        "kunci yang tercantum. Tidak ada yang ditulis.", "Your key of {identity} ({key}) is not under "
                        "keys: in this plan; add it, or use the key listed. Nothing was written."),
    "keys.not_a_map": ("'keys' harus pemetaan identitas ke kunci publik, mis. kapolres_belu: \"ed25519:...\".",
                       "'keys' must map identities to public keys, e.g. kapolres_belu: \"ed25519:...\"."),
    "keys.bad_identity": ("'{identity}' di keys bukan nama identitas (satu baris, paling banyak 100 karakter).",
                          "'{identity}' under keys is not an identity's name (one line, at most 100 characters)."),
    "keys.bad_key": ("Kunci {identity} di keys bukan kunci publik Ed25519 (ed25519: lalu 32 bita base64); salin "
                     "baris dari pilkada key show.", "The key of {identity} under keys is not an Ed25519 public key "
                     "(ed25519: then 32 bytes in base64); copy the line pilkada key show prints."),
    "keys.duplicate": ("Kunci yang sama tercantum untuk {identity} dan {other}; setiap kunci milik satu identitas.",
                       "The same key is listed for {identity} and {other}; each key belongs to one identity."),
    "refused.unsigned": ("rencana mewajibkan tanda tangan dan {identity} punya kunci: catatan tanpa tanda tangan "
                         "ditolak", "the plan requires signatures and {identity} has a key: an unsigned entry is "
                         "refused"),
    "refused.changed": ("keadaan '{item}' berubah sejak dibaca (atau target rencana bukan yang dimuat db init); ulangi",
                        "the state of '{item}' changed since it was read (or the plan's target is not the one db init "
                        "loaded); try again"),
    "line.bad_signature": ("tanda tangan {actor} tidak cocok dengan isi catatan ini (diubah, atau dipindah dari "
                           "catatan lain)", "{actor}'s signature does not fit this entry (altered, or moved from "
                           "another entry)"),
    "line.unsigned": ("rencana mewajibkan tanda tangan dan {actor} punya kunci, tetapi catatan ini tidak bertanda "
                      "tangan", "the plan requires signatures and {actor} has a key, but this entry is unsigned"),
    "journal.bad_signature": ("Catatan #{id} membawa tanda tangan {actor} yang tidak cocok dengan isinya: catatan itu "
                              "diubah, atau tanda tangannya dipindah dari catatan lain.",
                              "Entry #{id} carries a signature of {actor} that does not fit its content: the entry "
                              "was altered, or its signature moved from another entry."),
    "journal.unsigned_entries": ("{count} catatan tanpa tanda tangan dari identitas yang punya kunci ({identities}).",
                                 "{count} unsigned {count|entry|entries} of identities that have keys ({identities})."),
    "log.proven": ("✓ terbukti", "✓ proven"),
    "log.invalid": ("✗ tanda tangan tidak sah", "✗ signature invalid"),
    "summary.proven": ("Tanda tangan: {proven} dari {count} catatan sejak {since} terbukti.",
                       "Signatures: {proven} of {count} {count|entry|entries} since {since} proven."),
}
