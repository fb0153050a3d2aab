"""The one catalogue of user-facing text, Indonesian first and English on request, with the helpers that
write dates and numbers the way each language does ("Kamis, 1 Agustus 2024", "12,5%")."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pilkada_cli.errors import Problem

Lang = Literal["id", "en"]

DAYS = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}
MONTHS_SHORT = {
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}

# key: (Indonesian, English). Parameters in {braces}.
CATALOGUE: dict[str, tuple[str, str]] = {
    # -- help
    "help.app": (
        "Hitung mundur dan daftar periksa Pilkada untuk semua pemangku kepentingan: Polda, Korem, KPU, "
        "Bawaslu, Pemda, Kejaksaan.\n\nContoh: pilkada status --on 2024-08-01",
        "Countdown and checklists for Indonesia's regional elections, shared by every stakeholder: police, "
        "military, KPU, Bawaslu, regional government, prosecutors.\n\nExample: pilkada status --on 2024-08-01"),
    "help.status": (
        "Hitung mundur, progres per pemangku kepentingan dan tahapan, serta item terlambat dan segera.",
        "The countdown, progress per stakeholder and phase, and what is overdue or due soon."),
    "help.status.example": (
        "Contoh: pilkada status --on 2024-08-01 --stakeholder polda",
        "Example: pilkada status --on 2024-08-01 --stakeholder polda"),
    "help.list": (
        "Daftar item dengan tenggat, label H, sisa hari, status, penanggung jawab dan capaian.",
        "The items with due date, H-label, days left, state, owner and completion."),
    "help.list.example": (
        "Contoh: pilkada list --state terlambat --critical",
        "Example: pilkada list --state overdue --critical"),
    "help.tick": (
        "Tandai item selesai, catat nilai (mis. dana hibah 65%), atau batalkan; tercatat di jurnal.",
        "Mark items done, record a value (e.g. grant funds 65% disbursed) or undo; kept in the journal."),
    "help.tick.example": (
        "Contoh: pilkada tick polda/pemetaan-kerawanan --note \"Rapat 1 Agustus\"   "
        "pilkada tick pencairan-nphd --value 65",
        "Example: pilkada tick polda/pemetaan-kerawanan --note \"Meeting 1 August\"   "
        "pilkada tick pencairan-nphd --value 65"),
    "help.init": (
        "Buat rencana baru dari templat bertenggat H-n, untuk hari pemungutan suara mana pun.",
        "Create a new plan from a template with H-offset deadlines, for any vote day."),
    "help.init.example": (
        "Contoh: pilkada init rencana-kupang --vote-date 2029-11-28 --timezone Asia/Makassar",
        "Example: pilkada init plan-kupang --vote-date 2029-11-28 --timezone Asia/Makassar"),
    "help.check": ("Periksa seluruh rencana dan jurnal; tampilkan setiap masalah dengan berkas, baris dan "
                   "cara memperbaikinya.",
                   "Check the whole plan and journal; list every problem with file, line and how to fix it."),
    "help.check.example": ("Contoh: pilkada check --plan rencana-ntt", "Example: pilkada check --plan plan-ntt"),
    "help.opt.plan": ("Folder rencana atau berkas pilkada.yaml (juga PILKADA_PLAN).",
                      "Plan folder or its pilkada.yaml (also PILKADA_PLAN)."),
    "help.opt.on": ("Jalankan seolah-olah pada tanggal ini, mis. 2024-08-01 atau 1 Agustus 2024.",
                    "Run as of this date, e.g. 2024-08-01 or 1 August 2024."),
    "help.opt.lang": ("Bahasa keluaran: id atau en (juga PILKADA_LANG).",
                      "Output language: id or en (also PILKADA_LANG)."),
    "help.opt.json": ("Cetak JSON (format stabil, lihat README).", "Print JSON (a stable format, see README)."),
    "help.opt.stakeholder": ("Hanya pemangku kepentingan ini (id, boleh berulang).",
                             "Only this stakeholder (id, repeatable)."),
    "help.opt.phase": ("Hanya tahapan ini (id, boleh berulang).", "Only this phase (id, repeatable)."),
    "help.opt.region": ("Hanya wilayah ini (id, boleh berulang).", "Only this region (id, repeatable)."),
    "help.opt.by_view": ("'region': satu baris per wilayah (Hari H, hitung mundur, progres), paling mendesak "
                         "di atas.",
                         "'region': one row per region (vote day, countdown, progress), most urgent first."),
    "help.opt.limit": ("Paling banyak sekian item perlu perhatian.", "At most this many items needing attention."),
    "help.opt.state": ("Hanya status ini: selesai, terlambat, segera, mendatang, tanpa-tenggat (atau "
                       "done, overdue, due_soon, upcoming, no_due).",
                       "Only this state: done, overdue, due_soon, upcoming, no_due."),
    "help.opt.tag": ("Hanya item dengan tag ini.", "Only items with this tag."),
    "help.opt.critical": ("Hanya item kritis.", "Only critical items."),
    "help.arg.items": ("Id item: polda/pemetaan-kerawanan, atau id yang unik, bisa dengan @wilayah.",
                       "Item id: polda/pemetaan-kerawanan, or an id unique across stakeholders, maybe @region."),
    "help.opt.value": ("Catat nilai untuk item kuantitatif (selesai bila mencapai target).",
                       "Record a value for a quantitative item (done once it reaches the target)."),
    "help.opt.undo": ("Kembalikan item menjadi belum selesai.", "Revert the item to not done."),
    "help.opt.note": ("Catatan yang disimpan bersama tanda.", "A note kept with the tick."),
    "help.opt.by": ("Siapa yang mencatat (bawaan: nama login).", "Who records it (default: the login name)."),
    "help.opt.tick_region": ("Wilayah untuk setiap item yang disebut.", "The region for every item given."),
    "help.arg.dir": ("Folder rencana baru.", "The new plan's folder."),
    "help.opt.vote_date": ("Hari H, hari pemungutan suara.", "Hari H, the vote day."),
    "help.opt.timezone": ("Zona waktu IANA: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT).",
                          "IANA time zone: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)."),
    "help.opt.name": ("Nama rencana.", "The plan's name."),
    "help.opt.version": ("Tampilkan versi lalu keluar.", "Show the version and exit."),
    "help.summary": ("Ringkasan harian untuk cron: hitung mundur, tahapan berjalan, progres dan perubahannya, "
                     "yang selesai, yang baru terlambat, yang terlambat dan yang segera.",
                     "The daily summary for cron: countdown, current phases, progress and its change, what was "
                     "completed, what became overdue, what is overdue and what is due soon."),
    "help.summary.example": ("Contoh: pilkada summary --stakeholder polda --mail-to ops@polda.example "
                             "--output /var/lib/pilkada/ringkasan.txt",
                             "Example: pilkada summary --stakeholder polda --mail-to ops@polda.example "
                             "--output /var/lib/pilkada/summary.txt"),
    "help.opt.since": ("Bandingkan dengan akhir hari ini (bawaan: ringkasan terakhir, atau kemarin).",
                       "Compare with the end of this day (default: the last summary, or yesterday)."),
    "help.opt.format": ("text (untuk WhatsApp), markdown, atau json.", "text (for WhatsApp), markdown or json."),
    "help.opt.output": ("Tulis juga ke berkas ini (secara atomik).", "Also write to this file (atomically)."),
    "help.opt.mail_to": ("Kirim lewat e-mail ke alamat ini (boleh berulang).",
                         "E-mail it to this address (repeatable)."),
    "help.opt.dry_run": ("Cetak saja, tanpa mencatat ringkasan ini di jurnal.",
                         "Print only; do not record this run in the journal."),
    "help.opt.fail_on": ("overdue atau critical: keluar dengan kode 3 bila ada item (kritis) terlambat.",
                         "overdue or critical: exit with code 3 when any (critical) item is overdue."),
    "help.log": ("Riwayat jurnal: kapan, siapa, apa, item mana, nilai dan catatan.",
                 "The journal: when, who, what, which item, value and note."),
    "help.log.example": ("Contoh: pilkada log --item polda/pemetaan-kerawanan --since 1-8-2024",
                         "Example: pilkada log --item polda/pemetaan-kerawanan --since 2024-08-01"),
    "help.opt.summaries": ("Tampilkan ringkasan yang pernah dijalankan dan apakah e-mailnya terkirim.",
                           "Show the summaries that ran and whether their mail went out."),
    "help.opt.item": ("Hanya item ini (id lengkap atau id).", "Only this item (full id or id)."),
    "help.opt.log_by": ("Hanya yang dicatat orang ini.", "Only what this person recorded."),
    "help.opt.log_since": ("Hanya sejak tanggal ini.", "Only from this date on."),
    "help.cron": ("Cetak baris crontab siap pakai untuk ringkasan harian rencana ini.",
                  "Print a ready crontab entry for this plan's daily summary."),
    "help.cron.example": ("Contoh: pilkada cron --at 06:30 --mail-to ops@polda.example >> jadwal.txt",
                          "Example: pilkada cron --at 06:30 --mail-to ops@polda.example"),
    "help.opt.at": ("Jam kirim, HH:MM, di zona waktu rencana.", "Time of day, HH:MM, in the plan's time zone."),
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
    "status.overall": ("Progres keseluruhan", "Overall progress"),
    "status.counts_line": ("{done}/{total} selesai · {overdue} terlambat · {due_soon} segera",
                           "{done}/{total} done · {overdue} overdue · {due_soon} due soon"),
    "status.table_title": ("Progres per pemangku kepentingan dan tahapan", "Progress by stakeholder and phase"),
    "status.no_phase": ("(tanpa tahapan)", "(no phase)"),
    "status.attention_title": ("Perlu perhatian: terlambat dan segera", "Needs attention: overdue and due soon"),
    "status.more_items": ("… dan {count} item lagi: pilkada list --state terlambat",
                          "… and {count} more: pilkada list --state overdue"),
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
    "summary.header": ("{date} · *{countdown}* · Hari H {vote}", "{date} · *{countdown}* · vote day {vote}"),
    "summary.subject": ("[pilkada] {countdown} · {name} · {date}", "[pilkada] {countdown} · {name} · {date}"),
    "summary.points": ("{value} poin", "{value} points"),
    "summary.phases": ("Tahapan", "Phases"),
    "summary.phase_running": ("{name}: berjalan, sisa {days} hari", "{name}: running, {days} days left"),
    "summary.phase_starting": ("{name}: mulai {date} ({days} hari lagi)", "{name}: starts {date} (in {days} days)"),
    "summary.progress": ("Progres {progress} ({change} sejak {since})", "Progress {progress} ({change} since {since})"),
    "summary.progress_line": ("{name}: {progress} ({change}), {done}/{total} selesai",
                              "{name}: {progress} ({change}), {done}/{total} done"),
    "summary.completed": ("Selesai sejak {since} ({count})", "Completed since {since} ({count})"),
    "summary.newly_overdue": ("Baru terlambat sejak {since} ({count})", "Newly overdue since {since} ({count})"),
    "summary.overdue": ("Semua yang terlambat ({count})", "All overdue ({count})"),
    "summary.due_soon": ("Jatuh tempo dalam {days} hari ({count})", "Due within {days} days ({count})"),
    "summary.none": ("tidak ada", "none"),
    "summary.more": ("… dan {count} lagi", "… and {count} more"),
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
    "mail.failed": ("E-mail tidak terkirim lewat {host}:{port}: {reason}. Ringkasan tetap dicetak; kegagalan "
                    "dicatat di jurnal.",
                    "Mail not sent via {host}:{port}: {reason}. The summary is printed; the failure is recorded "
                    "in the journal."),
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
    "cron.bad_time": ("Jam '{value}' tidak sah; tulis HH:MM, mis. 06:30.", "Time '{value}' is not valid; write "
                      "HH:MM, e.g. 06:30."),
    # -- tick
    "tick.done": ("✔ {id}: {state} ({completion})", "✔ {id}: {state} ({completion})"),
    "tick.value": ("✔ {id}: nilai dicatat, {completion} → {state}", "✔ {id}: value recorded, {completion} → {state}"),
    "tick.undone": ("↺ {id}: dibatalkan, kini {state} ({completion})", "↺ {id}: undone, now {state} ({completion})"),
    "tick.already_done": ("= {id}: sudah selesai sebelumnya, tidak ada yang diubah",
                          "= {id}: already done, nothing changed"),
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
    "now.invalid": ("PILKADA_NOW '{value}' bukan waktu ISO, mis. 2024-11-26T16:30:00+00:00.",
                    "PILKADA_NOW '{value}' is not an ISO time, e.g. 2024-11-26T16:30:00+00:00."),
    "timezone.unknown": ("Zona waktu '{name}' tidak dikenal. Pakai nama IANA: Asia/Jakarta (WIB), "
                         "Asia/Makassar (WITA) atau Asia/Jayapura (WIT).",
                         "Unknown time zone '{name}'. Use an IANA name: Asia/Jakarta (WIB), Asia/Makassar (WITA) "
                         "or Asia/Jayapura (WIT)."),
    # -- errors in general
    "error.prefix": ("Galat: ", "Error: "),
    "plan.invalid": ("Rencana tidak valid ({count} kesalahan):", "The plan is not valid ({count} errors):"),
    "plan.more_problems": ("… dan {count} kesalahan lain", "… and {count} more errors"),
    "plan.run_check": ("Daftar lengkap dan cara memperbaikinya: pilkada check",
                       "For the full list and how to fix each: pilkada check"),
    "plan.not_found": ("Rencana tidak ditemukan di {path}. Beri folder yang berisi pilkada.yaml, atau buat "
                       "dengan: pilkada init FOLDER --vote-date TANGGAL",
                       "No plan at {path}. Give a folder holding pilkada.yaml, or create one with: "
                       "pilkada init FOLDER --vote-date DATE"),
    "plan.no_plan_file": ("Tidak ada pilkada.yaml di {path}.", "No pilkada.yaml in {path}."),
    "severity.error": ("galat", "error"),
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
    "check.summary": ("{errors} galat, {warnings} peringatan di {path}", "{errors} errors, {warnings} warnings in "
                      "{path}"),
    "journal.failed": ("Jurnal {path} gagal: {reason}", "The journal {path} failed: {reason}"),
    # -- init
    "init.default_name": ("Pilkada {year}", "Pilkada {year}"),
    "init.created": ("Rencana baru di {path}: {items} item, Hari H {date}. Coba: pilkada status --plan {path}",
                     "New plan in {path}: {items} items, vote day {date}. Try: pilkada status --plan {path}"),
    "init.exists": ("{path} sudah berisi rencana (pilkada.yaml atau checklists/); tidak ada yang ditimpa. "
                    "Pilih folder lain.",
                    "{path} already holds a plan (pilkada.yaml or checklists/); nothing was overwritten. "
                    "Choose another folder."),
    "init.not_a_dir": ("{path} adalah berkas, bukan folder.", "{path} is a file, not a folder."),
    "init.failed": ("Gagal menulis rencana di {path}: {reason}", "Could not write the plan in {path}: {reason}"),
}


def t(key: str, lang: Lang, /, **params: Any) -> str:
    """The text for `key` in `lang`, with its parameters filled in."""
    entry = CATALOGUE.get(key)
    if entry is None:
        return key if not params else f"{key} {params}"
    text = entry[0] if lang == "id" else entry[1]
    return text.format(**params) if params else text


def help_lang(argv: list[str] | None = None, env: dict[str, str] | None = None) -> Lang:
    """The language of --help, decided before any plan is read: --lang, then PILKADA_LANG."""
    argv = sys.argv if argv is None else argv
    env = os.environ if env is None else env  # type: ignore[assignment]
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return "en" if argv[index + 1].lower() == "en" else "id"
        if arg.startswith("--lang="):
            return "en" if arg.split("=", 1)[1].lower() == "en" else "id"
    return "en" if (env.get("PILKADA_LANG") or "").lower() == "en" else "id"


def fmt_date_long(day: date, lang: Lang) -> str:
    """`Kamis, 1 Agustus 2024` / `Thursday, 1 August 2024`."""
    return f"{DAYS[lang][day.weekday()]}, {day.day} {MONTHS[lang][day.month - 1]} {day.year}"


def fmt_date_short(day: date, lang: Lang) -> str:
    """`29 Agu 2024` / `29 Aug 2024`."""
    return f"{day.day} {MONTHS_SHORT[lang][day.month - 1]} {day.year}"


def fmt_num(value: float, lang: Lang, decimals: int = 2) -> str:
    """A number the way the language writes it: 9.877 and 12,5 in Indonesian; 9,877 and 12.5 in English."""
    if float(value).is_integer():
        text = f"{int(value):,}"
    else:
        text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".")
    if lang == "id":
        text = text.translate(str.maketrans({",": ".", ".": ","}))
    return text


def fmt_completion(completion: float, value: float | None, target: float | None, unit: str | None,
                   lang: Lang) -> str:
    """`65/100%` for a quantitative item, `100%` or `0%` for the rest."""
    if target:
        return f"{fmt_num(value or 0, lang)}/{fmt_num(target, lang)}{unit or ''}"
    return fmt_pct(completion * 100, lang, decimals=0)


def fmt_pct(value: float, lang: Lang, decimals: int = 1) -> str:
    """`12,5%` / `12.5%`: always the given number of decimals, so columns line up."""
    text = f"{value:.{decimals}f}"
    if lang == "id":
        text = text.replace(".", ",")
    return text + "%"


def problem_text(problem: Problem, lang: Lang) -> str:
    """`checklists/polda.yaml:12: galat: ...` with the path relative to where the user is."""
    where = ""
    if problem.file is not None:
        where = _display_path(problem.file)
        if problem.line:
            where += f":{problem.line}"
        where += ": "
    return f"{where}{t('severity.' + problem.severity, lang)}: {t(problem.key, lang, **problem.params)}"


def _display_path(path: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)
