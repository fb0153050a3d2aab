"""The help of every command and option (--help) and Typer's own words around it, Indonesian and English;
part of the one catalogue."""

HELP_TEXT: dict[str, tuple[str, str]] = {
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
        "\b\nContoh: pilkada tick polda/pemetaan-kerawanan --note \"Rapat 1 Agustus\"\n"
        "        pilkada tick pencairan-nphd --value 65",
        "\b\nExample: pilkada tick polda/pemetaan-kerawanan --note \"Meeting 1 August\"\n"
        "         pilkada tick pencairan-nphd --value 65"),
    "help.init": (
        "Buat rencana baru dari templat bertenggat H-n, untuk hari pemungutan suara mana pun.",
        "Create a new plan from a template with H-offset deadlines, for any vote day."),
    "help.init.example": (
        "\b\nContoh: pilkada init rencana-kupang --vote-date 2024-11-27\n"
        "Salinan: pilkada init rencana-2 --vote-date TANGGAL --from rencana-kupang",
        "\b\nExample: pilkada init plan-kupang --vote-date 2024-11-27\n"
        "A copy: pilkada init plan-2 --vote-date DATE --from plan-kupang"),
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
    "help.opt.from_plan": ("Salin rencana ini (folder atau pilkada.yaml; 'bawaan' untuk rencana bawaan) dengan semua "
                           "tanggalnya ditulis ulang sebagai H-n dari Hari H-nya, tanpa jurnalnya.",
                           "Copy this plan (a folder or its pilkada.yaml; 'bundled' for the bundled plan) with every "
                           "date rewritten as H-n from its vote day, without its journal."),
    "help.opt.version": ("Tampilkan versi lalu keluar.", "Show the version and exit."),
    "help.summary": ("Ringkasan harian untuk cron: hitung mundur, tahapan berjalan, progres dan perubahannya, "
                     "yang selesai, yang baru terlambat, yang terlambat dan yang segera.",
                     "The daily summary for cron: countdown, current phases, progress and its change, what was "
                     "completed, what became overdue, what is overdue and what is due soon."),
    "help.summary.example": ("Contoh: pilkada summary --stakeholder polda --mail-to ops@polda.example "
                             "--output /var/lib/pilkada/ringkasan.txt",
                             "Example: pilkada summary --stakeholder polda --mail-to ops@polda.example "
                             "--output /var/lib/pilkada/summary.txt"),
    "help.opt.since": ("Bandingkan dengan keadaan pada akhir TANGGAL yang diberikan, mis. 2024-11-25 "
                       "(bawaan: ringkasan terakhir, atau kemarin).",
                       "Compare with the state at the end of the DATE given, e.g. 2024-11-25 (default: the "
                       "last summary, or yesterday)."),
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
    "help.db": ("Jurnal bersama di PostgreSQL untuk semua kantor.", "A shared PostgreSQL journal for every office."),
    "help.db.init": ("Siapkan atau perbarui skema, peran pilkada_writer dan daftar editor rencana ini.",
                     "Create or migrate the schema, the pilkada_writer role and this plan's editors."),
    "help.db.init.example": ("Contoh: PILKADA_DATABASE_URL=postgresql://admin@db.polda/pilkada pilkada db init",
                             "Example: PILKADA_DATABASE_URL=postgresql://admin@db.polda/pilkada pilkada db init"),
    "help.journal": ("Ekspor, impor dan sinkronkan jurnal (kantor tanpa koneksi).",
                     "Export, import and sync the journal (offices without a connection)."),
    "help.journal.export": ("Tulis setiap catatan jurnal sebagai JSON Lines.", "Write every journal event as JSON "
                            "Lines."),
    "help.journal.export.example": ("Contoh: pilkada journal export --output polres-belu.jsonl",
                                    "Example: pilkada journal export --output polres-belu.jsonl"),
    "help.journal.import": ("Tambahkan catatan dari ekspor yang belum ada (menurut id); aman diulang.",
                            "Add the events of an export not yet held (by id); safe to repeat."),
    "help.journal.import.example": ("Contoh: pilkada journal import polres-belu.jsonl",
                                    "Example: pilkada journal import polres-belu.jsonl"),
    "help.journal.sync": ("Samakan jurnal ini dengan jurnal lain (URL PostgreSQL atau berkas SQLite), dua arah.",
                          "Make this journal and another (a PostgreSQL URL or a SQLite file) hold the same events."),
    "help.journal.sync.example": ("Contoh: pilkada journal sync postgresql://kapolres_belu@db.polda/pilkada",
                                  "Example: pilkada journal sync postgresql://kapolres_belu@db.polda/pilkada"),
    "help.arg.import": ("Berkas ekspor (JSON Lines), atau - untuk masukan standar.",
                        "The export file (JSON Lines), or - for standard input."),
    "help.arg.sync": ("URL postgresql:// atau berkas jurnal SQLite.", "A postgresql:// URL or a SQLite journal file."),
    "help.gonogo": ("Go/No-Go setiap kantor: NO-GO bila item kritis terlambat, atau segera dan terblokir; "
                    "--declare mencatat keputusan kantor sendiri.",
                    "Go/No-Go for every office: NO-GO when a critical item is overdue, or due soon and blocked; "
                    "--declare records an office's own call."),
    "help.gonogo.example": ("\b\nContoh: pilkada gonogo --on 2024-11-26\n"
                            "        pilkada gonogo --declare go --stakeholder polres --region belu --note \"Siap\"",
                            "\b\nExample: pilkada gonogo --on 2024-11-26\n"
                            "         pilkada gonogo --declare go --stakeholder polres --region belu --note \"Ready\""),
    "help.opt.declare": ("Catat keputusan kantor: go atau no-go (butuh --stakeholder, dan --region untuk kantor "
                         "per wilayah).", "Record the office's call: go or no-go (needs --stakeholder, and --region "
                         "for a per-region office)."),
    "help.risk": ("Register kerawanan: tingkat, tahap dan kemajuan mitigasi per wilayah, serta peta panas.",
                  "The vulnerability register: level, stage and mitigation progress per region, and a heat map."),
    "help.risk.assess": ("Catat penilaian ulang sebuah kerawanan.", "Record a reassessment of a risk."),
    "help.risk.assess.example": ("Contoh: pilkada risk assess politik-uang@belu --level sedang --note \"Patroli\"",
                                 "Example: pilkada risk assess politik-uang@belu --level sedang --note \"Patrols\""),
    "help.arg.risk": ("Id kerawanan, dengan @wilayah bila rencana punya wilayah.",
                      "The risk id, with @region when the plan has regions."),
    "help.opt.level": ("Tingkat: rendah, sedang atau tinggi.", "Level: rendah, sedang or tinggi (low, medium, high)."),
    "help.opt.stage": ("Tahap: before, during atau after (bawaan: dari tanggal).",
                       "Stage: before, during or after (default: from the date)."),
    "help.opt.blocked": ("Hanya item yang menunggu ketergantungan.", "Only items waiting for a dependency."),
    "help.report": ("Halaman briefing HTML mandiri (tanpa akses internet) untuk pimpinan atau layar posko.",
                    "A self-contained HTML briefing page (no network needed) for leaders or a command-post screen."),
    "help.report.example": ("Contoh: pilkada report --html briefing.html --refresh 300",
                            "Example: pilkada report --html briefing.html --refresh 300"),
    "help.opt.html": ("Tulis halaman ke berkas ini.", "Write the page to this file."),
    "help.opt.refresh": ("Muat ulang halaman setiap sekian detik (layar posko).",
                         "Reload the page every this many seconds (a command-post screen)."),
    "help.timeline": ("Linimasa tahapan dan item kritis di terminal, minggu demi minggu.",
                      "The phases and critical items as a timeline in the terminal, week by week."),
    "help.timeline.example": ("Contoh: pilkada timeline --region belu", "Example: pilkada timeline --region belu"),
    "help.export": ("Ekspor item ke CSV (spreadsheet), iCalendar (kalender) atau JSON, dengan filter list.",
                    "Export the items as CSV (spreadsheets), iCalendar (calendars) or JSON, with list's filters."),
    "help.export.example": ("Contoh: pilkada export --format ics --output pilkada.ics",
                            "Example: pilkada export --format ics --output pilkada.ics"),
    "help.opt.export_format": ("csv, ics atau json.", "csv, ics or json."),
    "help.opt.excel": ("CSV untuk Excel berbahasa Indonesia: UTF-8 dengan BOM, pemisah ';', desimal ','.",
                       "CSV for Excel in an Indonesian locale: UTF-8 with BOM, ';' separators, ',' decimals."),
    "help.opt.from": ("Baca item dari berkas (atau - untuk masukan standar): ITEM[@WILAYAH] [NILAI] per baris, # "
                      "untuk komentar; semua baris diperiksa dulu, satu transaksi.",
                      "Read the items from a file (or - for standard input): ITEM[@REGION] [VALUE] per line, # for "
                      "comments; every line checked first, one transaction."),
    "help.opt.phases": ("Tampilkan juga progres tiap tahapan di bawah tiap pemangku kepentingan.",
                        "Also show each phase's progress under each stakeholder."),
    # -- Typer's own words (cli/click_text.py)
    "click.usage": ("Penggunaan: ", "Usage: "),
    "click.options_placeholder": ("[OPSI]", "[OPTIONS]"),
    "click.command_placeholder": ("PERINTAH [ARGUMEN]...", "COMMAND [ARGS]..."),
    "click.options": ("Opsi", "Options"),
    "click.arguments": ("Argumen", "Arguments"),
    "click.commands": ("Perintah", "Commands"),
    "click.required": ("wajib", "required"),
    "click.default": ("bawaan: {default}", "default: {default}"),
    "click.dynamic": ("(dinamis)", "(dynamic)"),
    "click.aborted": ("Dibatalkan.", "Aborted!"),
    "click.install_completion": ("Pasang pelengkapan otomatis (Tab) untuk shell ini.",
                                 "Install completion for the current shell."),
    "click.show_completion": ("Tampilkan skrip pelengkapan untuk shell ini, untuk disalin atau disesuaikan.",
                              "Show completion for the current shell, to copy it or customize the installation."),
    "click.help_option": ("Tampilkan bantuan ini lalu keluar.", "Show this message and exit."),
    "click.try_help": ("Lihat bantuan dengan: {command}", "Try '{command}' for help."),
    "click.no_such_option": ("Opsi {name} tidak dikenal.", "No such option: {name}."),
    "click.no_such_command": ("Perintah '{name}' tidak dikenal.", "No such command '{name}'."),
    "click.did_you_mean": ("Mungkin maksud Anda: {close}", "Did you mean {close}?"),
    "click.missing_argument": ("Argumen {name} belum diberikan.", "Missing argument {name}."),
    "click.missing_option": ("Opsi {name} wajib diberikan.", "Missing option {name}."),
    "click.requires_argument": ("Opsi {name} membutuhkan nilai.", "Option {name} requires a value."),
    "click.extra_arguments": ("Argumen berlebih yang tidak dikenal: {args}", "Unexpected extra arguments: {args}"),
    "click.not_valid": ("Nilai '{value}' untuk {name} tidak sah ({kind}).",
                        "Invalid value '{value}' for {name} ({kind})."),
    "click.out_of_range": ("Nilai {value} untuk {name} di luar batas {range}.",
                           "Value {value} for {name} is out of range {range}."),
    "click.kind_number": ("harus angka", "must be a number"),
    "click.kind_integer": ("harus bilangan bulat", "must be a whole number"),
    "click.missing_command": ("Perintah belum diberikan.", "Missing command."),
}
