"""The help of every command and option (--help) and Typer's own words, Indonesian and English; part of the one
catalogue."""

HELP_TEXT: dict[str, tuple[str, str]] = {
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
    "click.invalid_value": ("Nilai {name} tidak sah: {reason}", "Invalid value for {name}: {reason}"),
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
    # -- what each option and argument takes (cli/click_text.py): metavar.<param>, or metavar.<command>.<param>
    "metavar.plan": ("FOLDER", "FOLDER"),
    "metavar.on": ("TANGGAL", "DATE"),
    "metavar.since": ("TANGGAL", "DATE"),
    "metavar.vote_date": ("TANGGAL", "DATE"),
    "metavar.lang": ("id|en", "id|en"),
    "metavar.stakeholder": ("ID", "ID"),
    "metavar.phase": ("ID", "ID"),
    "metavar.region": ("WILAYAH", "REGION"),
    "metavar.state": ("STATUS", "STATE"),
    "metavar.tag": ("TAG", "TAG"),
    "metavar.note": ("TEKS", "TEXT"),
    "metavar.by": ("NAMA", "NAME"),
    "metavar.status.by": ("region", "region"),
    "metavar.name": ("NAMA", "NAME"),
    "metavar.item": ("ITEM", "ITEM"),
    "metavar.items": ("ITEM", "ITEM"),
    "metavar.value_text": ("NILAI", "VALUE"),
    "metavar.from_file": ("BERKAS", "FILE"),
    "metavar.output": ("BERKAS", "FILE"),
    "metavar.html": ("BERKAS", "FILE"),
    "metavar.source": ("BERKAS", "FILE"),
    "metavar.other": ("URL|BERKAS", "URL|FILE"),
    "metavar.directory": ("FOLDER", "FOLDER"),
    "metavar.ref": ("KERAWANAN", "RISK"),
    "metavar.mail_to": ("ALAMAT", "ADDRESS"),
    "metavar.at": ("JJ:MM", "HH:MM"),
    "metavar.limit": ("N", "N"),
    "metavar.refresh": ("DETIK", "SECONDS"),
    "metavar.tz": ("ZONA", "ZONE"),
    "metavar.declare": ("go|no-go", "go|no-go"),
    "metavar.fail_on": ("overdue|critical", "overdue|critical"),
    "metavar.level": ("rendah|sedang|tinggi", "rendah|sedang|tinggi"),
    "metavar.stage": ("before|during|after", "before|during|after"),
    "metavar.summary.fmt": ("text|markdown|json", "text|markdown|json"),
    "metavar.export.fmt": ("csv|ics|json", "csv|ics|json"),
    # -- help
    "help.app": (
        "Hitung mundur dan daftar periksa Pilkada untuk semua pemangku kepentingan: Polda, Korem, KPU, "
        "Bawaslu, Pemda, Kejaksaan.\n\nContoh: pilkada status --on 2024-08-01",
        "Countdown and checklists for Indonesia's regional elections, shared by every stakeholder: police, "
        "military, KPU, Bawaslu, regional government, prosecutors.\n\nExample: pilkada status --on 2024-08-01"),
    # the epilog of `pilkada --help`, and the README's table: one list of every variable
    "help.environment": (
        "\b\n"
        "Variabel lingkungan:\n"
        "  PILKADA_PLAN           folder rencana (seperti --plan)\n"
        "  PILKADA_LANG           bahasa keluaran: id atau en (seperti --lang)\n"
        "  PILKADA_USER           atas nama siapa catatan ditulis (seperti --by)\n"
        "  PILKADA_DATA_DIR       folder jurnal rencana bawaan\n"
        "  PILKADA_CACHE_DIR      folder cache rencana\n"
        "  PILKADA_DATABASE_URL   jurnal PostgreSQL, menggantikan journal: rencana\n"
        "  PILKADA_CONFIG_DIR     folder kunci tanda tangan (keys/), bawaan ~/.config/pilkada\n"
        "  PILKADA_KEY            kunci identitas mana yang menandatangani\n"
        "  PILKADA_SMTP_HOST      server e-mail (notify.smtp_host), bawaan localhost\n"
        "  PILKADA_SMTP_PORT      port-nya (smtp_port), bawaan 25; 465: TLS\n"
        "  PILKADA_SMTP_USER      login SMTP (smtp_user)\n"
        "  PILKADA_SMTP_PASSWORD  kata sandi SMTP (hanya di sini)\n"
        "  PILKADA_SMTP_STARTTLS  STARTTLS: true atau false (smtp_starttls)\n"
        "  PILKADA_SMTP_TLS       TLS sejak awal: true atau false (smtp_tls)\n"
        "  PILKADA_SMTP_CA_FILE   CA server e-mail, berkas PEM (smtp_ca_file)\n"
        "  PILKADA_MAIL_FROM      alamat pengirim (mail_from)\n"
        "  PILKADA_NOW            jam tetap (ISO), hanya dengan PILKADA_TESTING=1\n"
        "  PILKADA_TESTING        1: ini uji atau peragaan\n"
        "  NO_COLOR               tanpa warna (lihat --color)\n"
        "  PGPASSWORD             kata sandi PostgreSQL (atau ~/.pgpass)",
        "\b\n"
        "Environment variables:\n"
        "  PILKADA_PLAN           the plan folder (as --plan)\n"
        "  PILKADA_LANG           output language: id or en (as --lang)\n"
        "  PILKADA_USER           on whose behalf entries are written (as --by)\n"
        "  PILKADA_DATA_DIR       the folder of the bundled plan's journal\n"
        "  PILKADA_CACHE_DIR      the folder of the plan cache\n"
        "  PILKADA_DATABASE_URL   a PostgreSQL journal, instead of the plan's journal:\n"
        "  PILKADA_CONFIG_DIR     the folder of your signing keys (keys/), default ~/.config/pilkada\n"
        "  PILKADA_KEY            whose key of yours signs\n"
        "  PILKADA_SMTP_HOST      mail server (notify.smtp_host), default localhost\n"
        "  PILKADA_SMTP_PORT      its port (smtp_port), default 25; 465: TLS\n"
        "  PILKADA_SMTP_USER      SMTP login (smtp_user)\n"
        "  PILKADA_SMTP_PASSWORD  SMTP password (only here)\n"
        "  PILKADA_SMTP_STARTTLS  STARTTLS: true or false (smtp_starttls)\n"
        "  PILKADA_SMTP_TLS       TLS from the start: true or false (smtp_tls)\n"
        "  PILKADA_SMTP_CA_FILE   the mail server's CA, a PEM file (smtp_ca_file)\n"
        "  PILKADA_MAIL_FROM      sender address (mail_from)\n"
        "  PILKADA_NOW            a fixed clock (ISO), only with PILKADA_TESTING=1\n"
        "  PILKADA_TESTING        1: this is a test or a demonstration\n"
        "  NO_COLOR               no colour (see --color)\n"
        "  PGPASSWORD             PostgreSQL password (or ~/.pgpass)"),
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
        "Tandai item selesai, catat nilai (seperti dana hibah 65%) atau batalkan; tercatat di jurnal.",
        "Mark items done, record a value (such as grant funds 65% disbursed) or undo; kept in the journal."),
    "help.tick.example": (
        "\b\nContoh: pilkada tick polda/pemetaan-kerawanan --note \"Rapat 1 Agustus\"\n"
        "        pilkada tick pencairan-nphd --value 65",
        "\b\nExample: pilkada tick polda/pemetaan-kerawanan --note \"Meeting 1 August\"\n"
        "         pilkada tick pencairan-nphd --value 65"),
    "help.init": (
        "Buat rencana baru dari templat bertenggat H-n, untuk hari pemungutan suara mana pun.",
        "Create a new plan from a template with H-offset deadlines, for any vote day."),
    "help.init.example": ("\b\nContoh: pilkada init rencana-kupang --vote-date 2024-11-27\nSalinan: pilkada init rencana-2 "
                          "--vote-date TANGGAL --from rencana-kupang",
                          "\b\nExample: pilkada init plan-kupang --vote-date 2024-11-27\nA copy: pilkada init plan-2 --vote-date "
                          "DATE --from plan-kupang"),
    "help.check": ("Periksa seluruh rencana dan jurnal; tampilkan setiap masalah dengan berkas, baris dan "
                   "cara memperbaikinya.",
                   "Check the whole plan and journal; list every problem with file, line and how to fix it."),
    "help.check.example": ("Contoh: pilkada check --plan rencana-ntt", "Example: pilkada check --plan plan-ntt"),
    "help.schema": ("Cetak JSON Schema berkas rencana (plan, checklist atau risks) untuk penyunting teks: VS Code "
                    "melengkapi kunci dan menandai kesalahan.",
                    "Print the JSON Schema of a plan file (plan, checklist or risks) for editors: VS Code completes "
                    "keys and underlines mistakes."),
    "help.schema.example": ("Contoh: pilkada schema checklist > schemas/checklist.schema.json",
                            "Example: pilkada schema checklist > schemas/checklist.schema.json"),
    "help.arg.schema": ("plan (pilkada.yaml), checklist (checklists/*.yaml) atau risks (risks/*.yaml).",
                        "plan (pilkada.yaml), checklist (checklists/*.yaml) or risks (risks/*.yaml)."),
    "help.opt.plan": ("Folder rencana atau berkas pilkada.yaml (juga PILKADA_PLAN).",
                      "Plan folder or its pilkada.yaml (also PILKADA_PLAN)."),
    "help.opt.on": ("Jalankan seolah-olah pada tanggal ini, mis. 2024-08-01, 1 Agustus 2024 atau kemarin.",
                    "Run as of this date, e.g. 2024-08-01, 1 August 2024 or yesterday."),
    "help.opt.lang": ("Bahasa keluaran: id atau en (juga PILKADA_LANG).",
                      "Output language: id or en (also PILKADA_LANG)."),
    "help.opt.head": ("Periksa juga bahwa jurnal masih memuat kepala rantai dari ringkasan harian, mis. "
                      "--head 12:3f9a0c1b2d4e.", "Also check that the journal still holds a chain head from a daily "
                      "summary, e.g. --head 12:3f9a0c1b2d4e."),
    "help.opt.color": ("Warna: auto (di terminal, kecuali NO_COLOR diatur), always (juga ke pipa) atau never.",
                       "Colour: auto (on a terminal, unless NO_COLOR is set), always (into a pipe too) or never."),
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
    "help.opt.by": ("Atas nama siapa dicatat (bawaan: PILKADA_USER); yang menulis tetap login Anda.",
                    "On whose behalf it is recorded (default: PILKADA_USER); the writer is still your login."),
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
    "help.opt.since": ("Bandingkan dengan keadaan pada akhir TANGGAL yang diberikan, mis. 2024-11-25 "
                       "(bawaan: ringkasan terakhir, atau kemarin).",
                       "Compare with the state at the end of the DATE given, e.g. 2024-11-25 (default: the "
                       "last summary, or yesterday)."),
    "help.opt.format": ("text (untuk WhatsApp), markdown, atau json.", "text (for WhatsApp), markdown or json."),
    "help.opt.output": ("Tulis juga ke berkas ini (secara atomik), selain ke keluaran standar.",
                        "Also write to this file (atomically), besides standard output."),
    "help.opt.output_only": ("Tulis ke berkas ini (secara atomik) alih-alih ke keluaran standar; - berarti keluaran "
                             "standar.", "Write to this file (atomically) instead of standard output; - means "
                             "standard output."),
    "help.opt.mail_to": ("Kirim lewat e-mail ke alamat ini (boleh berulang).",
                         "E-mail it to this address (repeatable)."),
    "help.opt.dry_run": ("Cetak saja, tanpa mencatat ringkasan ini di jurnal.",
                         "Print only; do not record this run in the journal."),
    "help.opt.quiet": ("Jangan cetak ringkasan ke keluaran standar (hanya --mail-to dan --output); kesalahan tetap "
                       "ke stderr.", "Do not print the summary on standard output (only --mail-to and --output); "
                       "errors still go to stderr."),
    "help.opt.each": ("Kirim setiap kantor di contacts: ringkasannya sendiri (e-mail, webhook), pimpinan ringkasan "
                      "seluruh rencana; yang sudah terkirim hari ini dilewati.",
                      "Send every office in contacts: its own digest (mail, webhook) and the leadership the whole "
                      "plan's; what already arrived today is skipped."),
    "help.opt.force": ("Dengan --each: kirim lagi juga yang sudah terkirim hari ini.",
                       "With --each: send again what already arrived today too."),
    "help.opt.cron_each": ("Satu baris untuk summary --each: setiap kantor di contacts: ringkasannya sendiri.",
                           "One line for summary --each: every office in contacts: its own digest."),
    "help.opt.fail_on": ("overdue atau critical: keluar dengan kode 3 bila ada item (kritis) terlambat.",
                         "overdue or critical: exit with code 3 when any (critical) item is overdue."),
    "help.log": ("Riwayat jurnal: kapan, siapa, apa, item mana, nilai dan catatan.",
                 "The journal: when, who, what, which item, value and note."),
    "help.log.example": ("Contoh: pilkada log --item polda/pemetaan-kerawanan --since 1-8-2024",
                         "Example: pilkada log --item polda/pemetaan-kerawanan --since 2024-08-01"),
    "help.opt.summaries": ("Tampilkan ringkasan yang pernah dijalankan dan setiap pengirimannya (e-mail, webhook, "
                           "per kantor) dengan hasilnya.",
                           "Show the summaries that ran and each delivery (mail, webhook, per office) with its "
                           "outcome."),
    "help.opt.item": ("Hanya item ini (id lengkap atau id).", "Only this item (full id or id)."),
    "help.opt.log_by": ("Hanya yang dicatat orang ini.", "Only what this person recorded."),
    "help.opt.log_since": ("Hanya sejak tanggal ini (juga hari ini, kemarin).",
                           "Only from this date on (also today, yesterday)."),
    "help.cron": ("Cetak baris crontab siap pakai untuk ringkasan harian rencana ini.",
                  "Print a ready crontab entry for this plan's daily summary."),
    "help.cron.example": ("Contoh: pilkada cron --at 06:30 --mail-to ops@polda.example >> jadwal.txt",
                          "Example: pilkada cron --at 06:30 --mail-to ops@polda.example"),
    "help.opt.at": ("Jam kirim, HH:MM, di zona waktu rencana.", "Time of day, HH:MM, in the plan's time zone."),
    "help.db": ("Jurnal bersama di PostgreSQL untuk semua kantor.", "A shared PostgreSQL journal for every office."),
    "help.db.init": ("Siapkan atau perbarui skema, peran, fungsi server, serta kantor, editor dan target rencana ini.",
                     "Create or migrate the schema, the roles, the server's functions, and load this plan's offices, "
                     "editors and targets."),
    "help.db.init.example": ("Contoh: PILKADA_DATABASE_URL=postgresql://admin@db.polda/pilkada pilkada db init",
                             "Example: PILKADA_DATABASE_URL=postgresql://admin@db.polda/pilkada pilkada db init"),
    "help.key": ("Kunci tanda tangan: catatan yang tak bisa ditulis orang lain atas nama Anda.",
                 "Signing keys: entries no one else can write in your name."),
    "help.key.init": ("Buat pasangan kunci Ed25519 untuk identitas Anda dan cetak baris untuk keys: di pilkada.yaml.",
                      "Make an Ed25519 key pair for your identity and print the line for keys: in pilkada.yaml."),
    "help.key.init.example": ("Contoh: pilkada key init --identity kapolres_belu",
                              "Example: pilkada key init --identity kapolres_belu"),
    "help.key.show": ("Cetak lagi baris keys: untuk kunci yang Anda pegang, dan apakah rencana mencantumkannya.",
                      "Print again the keys: line of the keys you hold, and whether the plan lists them."),
    "help.key.show.example": ("Contoh: pilkada key show", "Example: pilkada key show"),
    "help.opt.identity": ("Identitas pemilik kunci (bawaan: login Anda, atau peran basis data).",
                          "The identity the key proves (default: your login, or the database role)."),
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
    "help.risk.example": ("\b\nContoh: pilkada risk --on 2024-11-20\n        pilkada risk --region belu --level tinggi",
                          "\b\nExample: pilkada risk --on 2024-11-20\n         pilkada risk --region belu --level tinggi"),
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
    "help.opt.html": ("Tulis halaman ke berkas ini (secara atomik); - berarti keluaran standar.",
                      "Write the page to this file (atomically); - means standard output."),
    "help.opt.refresh": ("Muat ulang halaman setiap sekian detik, 10 sampai 86400 (layar posko).",
                         "Reload the page every this many seconds, 10 to 86400 (a command-post screen)."),
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
    "help.opt.from_plan": ("Salin rencana ini (folder atau pilkada.yaml; 'bawaan' untuk rencana bawaan) dengan semua tanggalnya "
                           "ditulis ulang sebagai H-n dari Hari H-nya, tanpa jurnalnya.",
                           "Copy this plan (a folder or its pilkada.yaml; 'bundled' for the bundled plan) with every date "
                           "rewritten as H-n from its vote day, without its journal."),
}
