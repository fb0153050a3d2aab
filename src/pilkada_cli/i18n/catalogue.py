"""The catalogue of every user-facing string: key -> (Indonesian, English). Parameters in {braces}."""

from pilkada_cli.i18n.alarm_text import ALARM_TEXT
from pilkada_cli.i18n.help_text import HELP_TEXT
from pilkada_cli.i18n.journal_text import JOURNAL_TEXT
from pilkada_cli.i18n.plan_text import PLAN_TEXT
from pilkada_cli.i18n.readiness_text import READINESS_TEXT

CATALOGUE: dict[str, tuple[str, str]] = {
    **HELP_TEXT,
    **JOURNAL_TEXT,
    **READINESS_TEXT,
    **ALARM_TEXT,  # each office its own digest (spec section 18)
    **PLAN_TEXT,  # plan problems
    # -- Typer's own words (cli/click_text.py)
    "click.completion_installed": ("Pelengkapan {shell} terpasang di {path}; berlaku setelah terminal dibuka ulang.",
                                   "{shell} completion installed in {path}; it takes effect once you restart the "
                                   "terminal."),
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
    "status.phase_days_left": ("{name} (sisa {days} hari)", "{name} ({days} {days|day|days} left)"),
    "status.phase_last_day": ("{name} (hari terakhir)", "{name} (last day)"),
    "stakeholder.per_region": ("{name} ({count} wilayah)", "{name} ({count} {count|region|regions})"),
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
                             "The journal has {count} {count|item|items} no longer in the plan (kept): {ids}"),
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
    "col.state": ("Status", "State"),
    "col.owner": ("Penanggung jawab", "Owner"),
    "col.completion": ("Capaian", "Completion"),
    "list.title": ("{count} item", "{count} {count|item|items}"),
    # -- summary
    "summary.header": ("{date} · {countdown} · Hari H {vote}", "{date} · {countdown} · vote day {vote}"),
    "summary.phase_last_day": ("{name}: hari terakhir", "{name}: last day"),
    "summary.header_vote_day": ("{date} · {countdown}", "{date} · {countdown}"),
    "summary.regions_done": ("{done}/{total} {office} selesai; belum: {regions}",
                             "{done} of {total} {office} done; not yet: {regions}"),
    "summary.regions_more": ("dan {count} lainnya", "and {count} more"),
    "summary.subject": ("[pilkada] {countdown} · {name} · {date}", "[pilkada] {countdown} · {name} · {date}"),
    "summary.points": ("{value} poin", "{value} points"),
    "summary.phases": ("Tahapan", "Phases"),
    "summary.phase_running": ("{name}: berjalan, sisa {days} hari", "{name}: running, {days} {days|day|days} left"),
    "summary.phase_starting": ("{name}: mulai {date} ({days} hari lagi)", "{name}: starts {date} (in {days} {days|day|days})"),
    "summary.progress": ("Progres {progress}, {done}/{total} selesai ({change} sejak {since})",
                         "Progress {progress}, {done}/{total} done ({change} since {since})"),
    "summary.progress_line": ("{name}: {progress} ({change}), {done}/{total} selesai",
                              "{name}: {progress} ({change}), {done}/{total} done"),
    "summary.completed": ("Selesai sejak {since} ({count})", "Completed since {since} ({count})"),
    "summary.newly_overdue": ("Baru terlambat sejak {since} ({count})", "Newly overdue since {since} ({count})"),
    "summary.overdue": ("Semua yang terlambat ({count})", "All overdue ({count})"),
    "summary.due_soon": ("Jatuh tempo dalam {days} hari ({count})", "Due within {days} {days|day|days} ({count})"),
    "summary.chain": ("Jurnal: {events} catatan · kode rantai {chain}", "Journal: {events} {events|entry|entries} · chain code "
                      "{chain}"),
    "summary.none": ("tidak ada", "none"),
    "summary.more": ("… dan {count} lagi: {command}", "… and {count} more: {command}"),
    "summary.by": ("(oleh {who})", "(by {who})"),
    "summary.due": ("tenggat {date} ({label})", "due {date} ({label})"),
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
    "mail.bad_address": ("Alamat e-mail '{value}' tidak sah (contoh: ops@polda.example, atau dengan nama: Ops Polda "
                         "<ops@polda.example>); tidak ada yang dikirim.",
                         "The e-mail address '{value}' is not valid (e.g. ops@polda.example, or with a name: Ops Polda "
                         "<ops@polda.example>); nothing was sent."),
    "mail.dry_run": ("--dry-run: tidak ada e-mail yang dikirim (akan ke: {recipients}).",
                     "--dry-run: no mail was sent (it would go to: {recipients})."),
    "mail.needs_starttls": ("Login SMTP ke {host} tanpa STARTTLS atau TLS akan mengirim kata sandi tanpa enkripsi; "
                            "tidak dikirim. Pasang smtp_starttls: true (atau smtp_tls: true untuk port 465; bila "
                            "memang disengaja, smtp_starttls: false) di notify.",
                            "An SMTP login to {host} without STARTTLS or TLS would send the password in clear; nothing "
                            "was sent. Set smtp_starttls: true (or smtp_tls: true for port 465; if you mean it, "
                            "smtp_starttls: false) under notify."),
    "mail.certificate": ("Sertifikat server SMTP {host}:{port} tidak terpercaya ({reason}); tidak ada yang dikirim. "
                         "Bila server memakai otoritas sertifikat (CA) sendiri, beri berkas CA-nya: notify.smtp_ca_file "
                         "atau PILKADA_SMTP_CA_FILE.",
                         "The certificate of the SMTP server {host}:{port} is not trusted ({reason}); nothing was sent. "
                         "If the server has its own certificate authority, give its CA file: notify.smtp_ca_file or "
                         "PILKADA_SMTP_CA_FILE."),
    "mail.no_starttls": ("Server SMTP {host}:{port} tidak menawarkan STARTTLS; tidak dikirim tanpa enkripsi. Periksa "
                         "port-nya (587 untuk STARTTLS, 465 untuk TLS) atau tanyakan pengelola server.",
                         "The SMTP server {host}:{port} does not offer STARTTLS; nothing was sent in clear. Check the "
                         "port (587 for STARTTLS, 465 for TLS) or ask the server's administrator."),
    "mail.bad_ca_file": ("Berkas CA {path} tidak bisa dipakai: {reason}. Beri berkas PEM sertifikat otoritasnya.",
                         "The CA file {path} cannot be used: {reason}. Give the authority's certificate as a PEM "
                         "file."),
    "mail.tls_and_starttls": ("smtp_tls dan smtp_starttls tidak bisa keduanya (port {port}); pilih TLS (port 465) "
                              "atau STARTTLS (port 587).",
                              "smtp_tls and smtp_starttls cannot both be on (port {port}); choose TLS (port 465) or "
                              "STARTTLS (port 587)."),
    "mail.ca_file_without_tls": ("Berkas CA {path} diberikan, tetapi TLS maupun STARTTLS tidak dipasang; tidak "
                                 "dikirim tanpa enkripsi. Pasang smtp_starttls: true atau smtp_tls: true.",
                                 "The CA file {path} is given, but neither TLS nor STARTTLS is on; nothing was sent "
                                 "in clear. Set smtp_starttls: true or smtp_tls: true."),
    "mail.cleartext_warning": ("Peringatan: kata sandi SMTP dikirim ke {host} tanpa enkripsi (smtp_starttls: false).",
                               "Warning: the SMTP password goes to {host} unencrypted (smtp_starttls: false)."),
    "mail.bad_port": ("Port SMTP '{value}' bukan angka; periksa PILKADA_SMTP_PORT atau notify.smtp_port.",
                      "SMTP port '{value}' is not a number; check PILKADA_SMTP_PORT or notify.smtp_port."),
    # -- log and cron
    "log.title": ("Jurnal: {count} catatan", "Journal: {count} {count|entry|entries}"),
    "log.not_in_plan": ("(tidak ada lagi di rencana)", "(no longer in the plan)"),
    "log.summaries_title": ("Ringkasan yang dijalankan: {count}", "Summaries run: {count}"),
    "log.delivery_ok": ("terkirim", "sent"),
    "log.late": ("(terlambat, dicatat {when})", "(late, recorded {when})"),
    "log.brought_by": ("{who}, dibawa oleh {by}", "{who}, brought in by {by}"),
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
    "cron.comment": ("# Ringkasan harian pilkada: {name}. Pasang dengan `crontab -e` lalu tempel baris-baris di bawah.",
                     "# pilkada daily summary: {name}. Install with `crontab -e` and paste the lines below."),
    "cron.comment_mail": ("# Cron mengirim keluaran ke MAILTO; tambahkan --output FILE untuk menyimpannya juga.",
                          "# cron mails the output to MAILTO; add --output FILE to keep a copy as well."),
    "cron.comment_quiet": ("# Ringkasan dikirim lewat --mail-to; --quiet mencegah cron mengirimnya lagi ke MAILTO "
                           "(kesalahan tetap dikirim).",
                           "# The digest goes by --mail-to; --quiet keeps cron from mailing it again to MAILTO (errors "
                           "still go)."),
    "cron.control_character": ("'{value}' memuat karakter kendali (mis. baris baru); baris cron tidak dibuat. "
                               "Ganti nama folder atau nilainya.",
                               "'{value}' holds a control character (e.g. a newline); no cron line was made. "
                               "Rename the folder or change the value."),
    "cron.bad_time": ("Jam '{value}' tidak sah; tulis JJ:MM atau JJ.MM, mis. 06:30 atau 6.30.",
                      "Time '{value}' is not valid; write HH:MM or HH.MM, e.g. 06:30 or 6.30."),
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
    "tick.value_ambiguous": ("'{value}' bisa dibaca dua cara: {first} atau {second} (dalam bahasa Indonesia titik "
                             "memisahkan ribuan dan koma menandai desimal). Tulis salah satunya persis seperti itu; "
                             "tidak ada yang dicatat.",
                             "'{value}' reads two ways: {first} or {second} (in English the comma groups thousands "
                             "and the dot marks decimals). Type the one you mean exactly as written here; nothing "
                             "was recorded."),
    "tick.value_written_otherwise": ("'{value}' bukan cara menulis angka dalam bahasa Indonesia (titik memisahkan "
                                     "ribuan, koma menandai desimal); maksud Anda {suggestion}? Tidak ada yang "
                                     "dicatat.",
                                     "'{value}' is not how English writes a number (the comma groups thousands, the "
                                     "dot marks decimals); did you mean {suggestion}? Nothing was recorded."),
    "tick.value_out_of_range": ("Nilai {value} tidak sah: beri angka 0 atau lebih, paling besar {limit}.",
                                "Value {value} is not valid: give a number from 0 to {limit}."),
    "write.future_on": ("--on {day} belum tiba (hari ini {today}); catatan hanya boleh untuk hari ini atau "
                        "sebelumnya. Untuk melihat keadaan mendatang, pakai status atau summary --dry-run.",
                        "--on {day} has not come yet (today is {today}); a record may be dated today or earlier. "
                        "To look ahead, use status, or summary --dry-run."),
    "tick.bad_by": ("Nama '{value}' memuat karakter kendali; tulis nama pada satu baris (--by atau PILKADA_USER).",
                    "The name '{value}' holds control characters; write the name on one line (--by or "
                    "PILKADA_USER)."),
    "tick.bad_note": ("Catatan paling banyak {limit} karakter dan tanpa karakter kendali (mis. baris baru); tulis "
                      "dalam satu baris.", "A note has at most {limit} characters and no control characters (a "
                      "new line, say); write it on one line."),
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
    "stakeholder.unknown": ("Pemangku kepentingan '{value}' tidak ada di rencana. Mungkin maksud Anda: {suggestions}",
                            "No stakeholder '{value}' in the plan. Did you mean: {suggestions}"),
    "phase.unknown": ("Tahapan '{value}' tidak ada di rencana. Mungkin maksud Anda: {suggestions}",
                      "No phase '{value}' in the plan. Did you mean: {suggestions}"),
    "region.unknown": ("Wilayah '{value}' tidak ada di rencana. Yang mirip: {suggestions}",
                       "No region '{value}' in the plan. Close: {suggestions}"),
    "state.unknown": ("Status '{value}' tidak dikenal. Pilih salah satu: {choices}",
                      "Unknown state '{value}'. Choose one of: {choices}"),
    "color.unknown": ("'{value}' tidak dikenal; pilih auto, always atau never.",
                      "Unknown '{value}'; choose auto, always or never."),
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
    "plan.invalid": ("Rencana tidak valid ({count} kesalahan):", "The plan is not valid ({count} {count|error|errors}):"),
    "plan.more_problems": ("… dan {count} kesalahan lain", "… and {count} more {count|error|errors}"),
    "plan.run_check": ("Daftar lengkap dan cara memperbaikinya: pilkada check",
                       "For the full list and how to fix each: pilkada check"),
    "plan.not_found": ("Rencana tidak ditemukan di {path}. Beri folder yang berisi pilkada.yaml, atau buat "
                       "dengan: pilkada init FOLDER --vote-date TANGGAL",
                       "No plan at {path}. Give a folder holding pilkada.yaml, or create one with: "
                       "pilkada init FOLDER --vote-date DATE"),
    "plan.no_plan_file": ("Tidak ada pilkada.yaml di {path}.", "No pilkada.yaml in {path}."),
    "severity.error": ("kesalahan", "error"),
    "severity.warning": ("peringatan", "warning"),
    # -- journal
    "depends.unknown": ("{id}: depends_on menyebut '{ref}', yang tidak ada. Mungkin maksud Anda: {suggestions}",
                        "{id}: depends_on names '{ref}', which does not exist. Did you mean: {suggestions}"),
    "depends.cycle": ("Ketergantungan melingkar: {chain}. Hapus salah satu depends_on.",
                      "A dependency cycle: {chain}. Remove one of the depends_on."),
    "risk.bad_choice": ("'{key}: {value}' tidak dikenal; pilih {choices} (mungkin: {suggestion}).",
                        "Unknown '{key}: {value}'; choose {choices} (maybe: {suggestion})."),
    "risk.unknown_mitigation": ("Mitigasi '{ref}' bukan item rencana. Mungkin maksud Anda: {suggestions}",
                                "The mitigation '{ref}' is not an item of the plan. Did you mean: {suggestions}"),
    "journal.failed": ("Jurnal {path} gagal: {reason}", "The journal {path} failed: {reason}"),
    # -- init
    "init.default_name": ("Pilkada {year}", "Pilkada {year}"),
    "init.created": ("Rencana baru di {path}: {items} item, Hari H {date}. Coba: pilkada status --plan {path}",
                     "New plan in {path}: {items} {items|item|items}, vote day {date}. Try: pilkada status --plan {path}"),
    "init.exists": ("{path} sudah berisi rencana (pilkada.yaml atau checklists/); tidak ada yang ditimpa. "
                    "Pilih folder lain.",
                    "{path} already holds a plan (pilkada.yaml or checklists/); nothing was overwritten. "
                    "Choose another folder."),
    "init.not_a_dir": ("{path} adalah berkas, bukan folder.", "{path} is a file, not a folder."),
    "schema.unknown": ("Skema '{value}' tidak ada; pilih {choices}.", "No schema '{value}'; choose {choices}."),
    "init.failed": ("Gagal menulis rencana di {path}: {reason}", "Could not write the plan in {path}: {reason}"),
    "log.scope_all": ("seluruh rencana", "whole plan"),
    "csv.yes": ("ya", "yes"),
    "days.late": ("terlambat {days}", "{days} late"),
    "tick.from_more": ("… dan {count} baris lagi", "… and {count} more {count|line|lines}"),
    "csv.title": ("Kegiatan", "Item"),
    "col.days_late": ("Terlambat", "Late"),
    "csv.blocked_by": ("Menunggu", "Waiting for"),
    "days.count": ("{days} hari", "{days} {days|day|days}"),
    "days.last_day": ("hari terakhir", "last day"),
    "csv.stakeholder": ("Pemangku kepentingan", "Stakeholder"),
    "html.state": ("Status", "State"),
    "stakeholder.unknown_known": ("Pemangku kepentingan '{value}' tidak ada di rencana. Yang ada: {known}",
                                  "No stakeholder '{value}' in the plan. Known: {known}"),
    "html.blocked": ("menunggu", "waiting for"),
    "csv.completion": ("Capaian", "Completion"),
    "csv.days_left": ("Sisa hari", "Days left"),
    "csv.due": ("Tenggat", "Due"),
    "html.pace_far": ("progres tertinggal lebih dari {points} poin dari itu",
                      "progress more than {points} points behind it"),
    "csv.region": ("Wilayah", "Region"),
    "csv.target": ("Target", "Target"),
    "html.pace_on": ("sesuai atau di depan", "on pace or ahead"),
    "csv.value": ("Nilai", "Value"),
    "csv.no": ("tidak", "no"),
    "html.pace_behind": ("tertinggal sampai {points} poin", "up to {points} points behind"),
    "notify.bad_address": ("notify.{key}: '{value}' bukan alamat e-mail; tulis ops@polda.example atau Ops Polda "
                           "<ops@polda.example>.",
                           "notify.{key}: '{value}' is not an e-mail address; write ops@polda.example or Ops Polda "
                           "<ops@polda.example>."),
    "cron.debian": ("# Cron Debian/Ubuntu mengabaikan CRON_TZ dan memakai zona mesin ({zone}): di sana tulis '{minute} "
                    "{hour} * * *' untuk {at}.",
                    "# Debian's and Ubuntu's cron ignore CRON_TZ and use the machine's zone ({zone}): there, write "
                    "'{minute} {hour} * * *' for {at}."),
    "phase.unknown_known": ("Tahapan '{value}' tidak ada di rencana. Yang ada: {known}",
                            "No phase '{value}' in the plan. Known: {known}"),
    "tick.from_bad": ("{count} baris di {path} tidak bisa dicatat. Tidak ada yang ditulis; perbaiki lalu ulangi:",
                      "{count} {count|line|lines} of {path} cannot be recorded. Nothing was written; fix {count|it|them} and run it again:"),
    "csv.state": ("Status", "State"),
    "cron.debian_same": ("# Cron Debian/Ubuntu mengabaikan CRON_TZ; zona mesin ini sama dengan rencana, jadi jamnya tetap "
                         "benar.",
                         "# Debian's and Ubuntu's cron ignore CRON_TZ; this machine's zone is the plan's, so the time is "
                         "right anyway."),
    "fit.left_out": ("Tidak muat: {columns} (lihat --json, atau layar lebih lebar)",
                     "Left out: {columns} (see --json, or a wider screen)"),
    "summary.phase_today": ("{name}: hari ini", "{name}: today"),
    "html.pace_due": ("Semestinya: bagian pekerjaan yang tenggatnya sudah lewat.",
                      "Due by now: the share of the work whose deadlines have passed."),
    "csv.due_label": ("Label H", "H-label"),
    "days.left": ("sisa {days}", "{days} left"),
    "csv.id": ("Id", "Id"),
    "csv.weight": ("Bobot", "Weight"),
    "csv.critical": ("Kritis", "Critical"),
    "csv.done_at": ("Selesai pada", "Done at"),
    "region.unknown_known": ("Wilayah '{value}' tidak ada di rencana. Yang ada: {known}",
                             "No region '{value}' in the plan. Known: {known}"),
    "csv.owner": ("Penanggung jawab", "Owner"),
    "csv.phase": ("Tahapan", "Phase"),
    "csv.unit": ("Satuan", "Unit"),
    "col.days_to_go": ("Sisa", "Left"),
    "html.due_by_now": ("Semestinya", "Due by now"),
    "init.from_unreadable": ("{path}: nilai '{key}' tidak bisa ditulis ulang (tulis di satu baris dengan kuncinya); tidak ada "
                             "yang ditulis.",
                             "{path}: the value of '{key}' cannot be rewritten (write it on one line with its key); nothing was "
                             "written."),
    "summary.regions_none_done": ("0/{total} {office} selesai", "0 of {total} {office} done"),
    "init.created_from": ("Rencana baru di {path} dari {source}: {items} item, Hari H {date}; tanggalnya ditulis ulang sebagai "
                          "H-n, jurnalnya tidak disalin. Coba: pilkada status --plan {path}",
                          "New plan in {path} from {source}: {items} {items|item|items}, vote day {date}; its dates are rewritten as H-n, "
                          "its journal is not copied. Try: pilkada status --plan {path}"),
    "status.in_regions": ("{count} wilayah", "{count} {count|region|regions}"),
}
