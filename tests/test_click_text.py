"""Issue 22: Typer's own messages in the user's language keep what they tell (a suggestion above all); every
pattern of cli/click_text.py is met here by the real message Typer gives."""

import pytest

from pilkada_cli.cli.click_text import ERROR_PATTERNS

CASES = {  # catalogue key -> (command line, what the Indonesian message says)
    "click.no_such_option": (["status", "--jsn"], "Opsi --jsn tidak dikenal. Mungkin maksud Anda: --json"),
    "click.no_such_command": (["statsu"], "Perintah 'statsu' tidak dikenal. Mungkin maksud Anda: status"),
    "click.missing_argument": (["init"], "Argumen FOLDER belum diberikan."),  # as the usage line names it
    "click.missing_option": (["init", "baru"], "Opsi --vote-date wajib diberikan."),
    "click.requires_argument": (["status", "--plan"], "Opsi --plan membutuhkan nilai."),
    "click.extra_arguments": (["status", "lebih"], "Argumen berlebih yang tidak dikenal: lebih"),
    "click.not_valid": (["status", "--limit", "abc"], "Nilai 'abc' untuk --limit tidak sah (harus bilangan bulat)."),
    "click.out_of_range": (["status", "--limit", "-1"], "Nilai -1 untuk --limit di luar batas x>=0."),
    "click.missing_command": (["--lang", "id"], "Perintah belum diberikan."),
    "click.invalid_value": (["status", "--color", "maybe"],
                            "Nilai --color tidak sah: 'maybe' tidak dikenal; pilih auto, always atau never."),
}


def test_every_pattern_has_a_case():
    assert sorted(CASES) == sorted(key for _, key in ERROR_PATTERNS)


@pytest.mark.parametrize("key", sorted(CASES))
def test_typers_message_is_translated_whole(run, key):
    args, expected = CASES[key]
    result = run(*args)
    assert result.exit_code == 2 and f"Kesalahan: {expected}" in result.stderr, result.stderr


def test_several_possible_options_are_all_named(run):
    result = run("status", "--ph")
    assert result.exit_code == 2 and "--phase" in result.stderr and "--phases" in result.stderr, result.stderr


def test_typer_words_in_indonesian(run):
    from pilkada_cli.cli.click_text import translate_error

    assert translate_error("No such option: --bogus", "id") == "Opsi --bogus tidak dikenal."
    assert translate_error("Missing argument 'items'.", "id") == "Argumen items belum diberikan."
    help_text = run("tick", "--help").stdout
    assert "Penggunaan:" in help_text and "Opsi:" in help_text and "Show this message" not in help_text


def test_usage_errors_in_indonesian_from_the_real_program(isolated):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "pilkada_cli", "status", "--bogus"], capture_output=True,
                            text=True, cwd=isolated)
    assert result.returncode == 2 and "Kesalahan: Opsi --bogus tidak dikenal." in result.stderr
