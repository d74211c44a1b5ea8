"""Configuration: typed, read once, errors name the variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from revenge.entrypoints.config import Config, ConfigError, load_config, masked


def test_defaults_give_the_embedded_server_on_port_8096() -> None:
    config, warnings = load_config({})
    assert (config.host, config.port, config.data_dir) == ("127.0.0.1", 8096, "./data")
    assert config.database_url is None and warnings == []


def test_environment_values_are_converted_to_their_types() -> None:
    config, _ = load_config({"REVENGE_PORT": "9000", "REVENGE_READINESS_TIMEOUT_SECONDS": "0.5"})
    assert config.port == 9000 and config.readiness_timeout_seconds == 0.5


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("REVENGE_PORT", "abc", "expected an integer"),
        ("REVENGE_PORT", "70000", "<= 65535"),
        ("REVENGE_LOG_LEVEL", "loud", "one of debug, info, warning, error"),
        ("REVENGE_DB_POOL_MAX_SIZE", "0", ">= 1"),
    ],
)
def test_malformed_value_names_the_variable_and_what_was_expected(
    name: str, value: str, expected: str
) -> None:
    with pytest.raises(ConfigError) as error:
        load_config({name: value})
    message = str(error.value)
    assert message.startswith(f"{name}={value!r}") and expected in message
    assert "\n" not in message


def test_unknown_revenge_variable_is_warned_about_not_fatal() -> None:
    _, warnings = load_config({"REVENGE_PROT": "1", "REVENGE_TEST_DATABASE_URL": "x"})
    assert warnings == ["unknown setting REVENGE_PROT ignored"]


def test_environment_overrides_the_toml_file(tmp_path: Path) -> None:
    path = tmp_path / "revenge.toml"
    path.write_text('port = 7000\nhost = "0.0.0.0"\n')
    config, _ = load_config({"REVENGE_PORT": "7001"}, str(path))
    assert (config.host, config.port) == ("0.0.0.0", 7001)


def test_toml_error_names_the_key_and_file(tmp_path: Path) -> None:
    path = tmp_path / "revenge.toml"
    path.write_text('port = "x"\n')
    with pytest.raises(ConfigError, match=r"port \(in .*revenge.toml\)='x'"):
        load_config({}, str(path))


def test_unknown_toml_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "revenge.toml"
    path.write_text("prot = 1\n")
    with pytest.raises(ConfigError, match="unknown setting"):
        load_config({}, str(path))


def test_missing_config_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read config file"):
        load_config({}, str(tmp_path / "absent.toml"))


def test_show_masks_secrets_and_url_passwords() -> None:
    shown = masked(Config(database_url="postgresql://u:hunter2@db/revenge", jwt_secret="k"))
    assert shown["database_url"] == "postgresql://u:***@db/revenge"
    assert shown["jwt_secret"] == "***"
