"""What the settings make of the environment, read in a fresh process as a server would read them."""

import json
import os
import subprocess
import sys

from django.conf import settings as django_settings

SHOW = ("import json, lg_portal.settings as s; print(json.dumps({'debug': s.DEBUG, 'site': s.SITE_URL, "
        "'broker': s.CELERY_BROKER_URL, 'eager': s.CELERY_TASK_ALWAYS_EAGER, 'demo_key': s.SECRET_KEY == s._DEMO_KEY, "
        "'mail': s.MAILERS['default']['BACKEND']}))")


def read(**env):
    # DJANGO_DEBUG empty is "not set" for the settings, and keeps a developer's .env (DJANGO_DEBUG=true,
    # from make setup) from filling it in: what a server with no environment at all reads.
    clean = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"), "LG_VAR_DIR": "/tmp/lg-settings-test",
             "DJANGO_DEBUG": "", **env}
    done = subprocess.run([sys.executable, "-c", SHOW], env=clean, cwd=django_settings.BASE_DIR,  # noqa: S603
                          capture_output=True, text=True, timeout=60, check=False)
    return done.returncode, json.loads(done.stdout) if done.returncode == 0 else done.stderr


def test_with_no_environment_at_all_the_settings_refuse_to_start_without_a_secret_key():
    code, err = read()
    assert code != 0
    assert "DJANGO_SECRET_KEY must be set" in err and "make run" in err


def test_with_a_secret_key_and_an_address_debug_is_off():
    code, err = read(DJANGO_SECRET_KEY="a-secret-of-this-installation-" + "x" * 40)
    assert code != 0 and "SITE_URL must be set" in err  # no localhost links from a production server
    code, conf = read(DJANGO_SECRET_KEY="a-secret-of-this-installation-" + "x" * 40, SITE_URL="https://lg.example.nl")
    assert code == 0
    assert conf["debug"] is False and conf["demo_key"] is False
    assert conf["mail"] == "django.core.mail.backends.smtp.EmailBackend"


def test_the_demo_key_is_never_used_with_debug_off():
    code, err = read(DJANGO_DEBUG="false", SITE_URL="https://lg.example.nl",
                     DJANGO_SECRET_KEY="django-insecure-demo-key-only-for-local-use-change-me-0123456789")
    assert code != 0 and "DJANGO_SECRET_KEY must be set" in err


def test_debug_is_on_only_when_asked_for_and_then_the_demo_key_is_used():
    code, conf = read(DJANGO_DEBUG="true")
    assert code == 0 and conf["debug"] is True and conf["demo_key"] is True
    assert conf["mail"] == "django.core.mail.backends.console.EmailBackend"


def test_site_url_follows_port_unless_it_is_set():
    assert read(DJANGO_DEBUG="true")[1]["site"] == "http://127.0.0.1:8000"
    assert read(DJANGO_DEBUG="true", PORT="8123")[1]["site"] == "http://127.0.0.1:8123"
    assert read(DJANGO_DEBUG="true", PORT="8123", SITE_URL="https://lg.example.nl/")[1]["site"] == "https://lg.example.nl"


def test_without_redis_tasks_go_through_the_embedded_broker_not_eagerly():
    conf = read(DJANGO_DEBUG="true")[1]
    assert conf["broker"] == "filesystem://" and conf["eager"] is False
    conf = read(DJANGO_DEBUG="true", REDIS_URL="redis://127.0.0.1:6379/15")[1]
    assert conf["broker"] == "redis://127.0.0.1:6379/15" and conf["eager"] is False
