"""An alarm for every office (spec section 18): each office's own digest, escalation, webhooks and what was
delivered to whom; part of the one catalogue."""

ALARM_TEXT: dict[str, tuple[str, str]] = {
    "office.leadership": ("Pimpinan", "Leadership"),
    # -- the digest (render/summary_text.py)
    "summary.escalated": ("Eskalasi: item kritis terlambat {days} hari atau lebih ({count})",
                          "Escalated: critical items {days} or more {days|day|days} overdue ({count})"),
    # -- summary --each (cli/each.py)
    "each.sent": ("✔ {office} · {target}", "✔ {office} · {target}"),
    "each.failed": ("✘ {office} · {target}: {reason}", "✘ {office} · {target}: {reason}"),
    "each.skipped": ("= {office} · {target} (sudah terkirim hari ini)", "= {office} · {target} (already sent today)"),
    "each.would_send": ("→ {office} · {target}", "→ {office} · {target}"),
    "each.total": ("{sent} terkirim, {failed} gagal, {skipped} sudah terkirim hari ini (--force mengirim semuanya "
                   "lagi).",
                   "{sent} sent, {failed} failed, {skipped} already sent today (--force sends them all again)."),
    "each.not_delivered": ("Belum menerima ringkasannya: {offices}. Jalankan lagi hari ini untuk mengirim ulang "
                           "yang gagal saja; alasannya di pilkada log --summaries.",
                           "Not delivered to: {offices}. Run it again today to resend only these; pilkada log "
                           "--summaries shows why."),
    "each.dry_run": ("--dry-run: tidak ada yang dikirim atau dicatat.", "--dry-run: nothing was sent or recorded."),
    "each.no_contacts": ("Rencana ini tidak punya bagian contacts:, jadi --each tidak tahu kantor mana yang "
                         "dikirimi. Tambahkan contacts: di pilkada.yaml (README, \"Every office its own digest\").",
                         "This plan has no contacts: section, so --each knows no office to send to. Add contacts: "
                         "to pilkada.yaml (README, \"Every office its own digest\")."),
    "each.alone": ("--each mengirim setiap kantor di contacts: ringkasannya sendiri; jangan digabung dengan "
                   "{options}.",
                   "--each sends every office in contacts: its own digest; do not combine it with {options}."),
    "each.mail_failed": ("e-mail lewat {host}:{port} gagal: {reason}", "mail via {host}:{port} failed: {reason}"),
    "channel.mail": ("e-mail", "mail"),
    "channel.webhook": ("webhook", "webhook"),
    "each.force_alone": ("--force hanya berlaku bersama --each.", "--force only goes with --each."),
    "each.record_failed": ("{office} · {target}: pengiriman ini tidak tercatat di jurnal: {reason}",
                           "{office} · {target}: this delivery was not recorded in the journal: {reason}"),
    # -- webhooks (delivery.py)
    "webhook.failed": ("Webhook {url} gagal ({tries} kali dicoba): {reason}",
                       "Webhook {url} failed ({tries} {tries|try|tries}): {reason}"),
    "webhook.status": ("server menjawab HTTP {status}", "the server answered HTTP {status}"),
    "webhook.timeout": ("tidak ada jawaban dalam {seconds} detik", "no answer within {seconds} seconds"),
    "webhook.certificate": ("sertifikat server tidak terpercaya ({reason})",
                            "the server's certificate is not trusted ({reason})"),
    "webhook.no_token": ("Variabel lingkungan {variable} (token webhook {url}) kosong; webhook tidak dikirim. "
                         "Isi variabel itu di lingkungan cron.",
                         "The environment variable {variable} (the token of webhook {url}) is empty; the webhook "
                         "was not sent. Set it in cron's environment."),
    "webhook.bad_token": ("Token di {variable} memuat karakter kendali (mis. baris baru); webhook tidak dikirim.",
                          "The token in {variable} holds a control character (e.g. a newline); the webhook was not "
                          "sent."),
    # -- status and log
    "status.offices_reached": ("Ringkasan per kantor terakhir dikirim {when}: {reached}/{total} kantor menerimanya.",
                               "Office digests last sent {when}: {reached}/{total} {total|office|offices} got "
                               "them."),
    "status.offices_never": ("Ringkasan per kantor belum pernah dikirim (pilkada summary --each).",
                             "No office digest has been sent yet (pilkada summary --each)."),
    "status.office_missed": ("{office}: terakhir menerima {when}", "{office}: last reached {when}"),
    "status.office_not_yet": ("{office}: belum pernah menerima", "{office}: never reached"),
    "status.offices_more": ("… dan {count} kantor lagi: pilkada log --summaries",
                            "… and {count} more {count|office|offices}: pilkada log --summaries"),
    "status.office_failed": ("gagal {when}: {reason}", "failed {when}: {reason}"),
    # -- cron --each
    "cron.comment_each": ("# Setiap kantor di contacts: menerima ringkasannya sendiri; yang gagal membuat cron "
                          "mengirim e-mail ke MAILTO.",
                          "# Every office in contacts: gets its own digest; a failure makes cron mail MAILTO."),
    "cron.comment_tokens": ("# Webhook butuh variabel ini di lingkungan cron (baris NAMA=nilai di atas, atau "
                            "EnvironmentFile systemd): {names}",
                            "# The webhooks need these variables in cron's environment (a NAME=value line above, or "
                            "a systemd EnvironmentFile): {names}"),
}
