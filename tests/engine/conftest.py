"""Let the engine tests run without pytest-django (`-p no:django`).

The project's pytest settings name DJANGO_SETTINGS_MODULE and use --strict-config,
which fails when the django plugin is not loaded; registering the option here
keeps that run clean.
"""

import pytest


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    if not pluginmanager.has_plugin("django"):
        parser.addini(
            "DJANGO_SETTINGS_MODULE", "Django settings module, unused by the engine tests"
        )
