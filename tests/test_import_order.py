"""Imports run downward only, in the order of the README's app table, inside functions and in each
app's own tests too; and no app imports its way into a cycle."""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[1]
# Apps on one level may not import each other (lessons and marketplace; engagement and impact).
ORDER = [["lg_portal"], ["participants"], ["workgroups"], ["meetings"], ["lessons", "marketplace"],
         ["engagement", "impact"]]
LEVEL = {app: level for level, apps in enumerate(ORDER) for app in apps}


def imports_of(app):
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level else [])
            for name in names:
                if name.split(".")[0] in LEVEL and name.split(".")[0] != app:
                    yield f"{path.relative_to(ROOT)}:{node.lineno}", name.split(".")[0]


def test_every_portal_app_is_in_the_order_and_installed_in_it():
    portal_apps = [a for a in settings.INSTALLED_APPS if (ROOT / a / "apps.py").exists()]
    assert portal_apps == [app for level in ORDER for app in level]


def test_imports_run_downward_only():
    upward = [f"{where} imports {target}" for app in LEVEL for where, target in imports_of(app)
              if LEVEL[target] >= LEVEL[app]]
    assert upward == []


def test_no_app_imports_its_way_into_a_cycle():
    graph = {app: {target for _where, target in imports_of(app)} for app in LEVEL}
    done, path = set(), []

    def visit(app):
        assert app not in path, " -> ".join([*path[path.index(app):], app])
        if app not in done:
            path.append(app)
            for target in sorted(graph[app]):
                visit(target)
            done.add(path.pop())

    for app in LEVEL:
        visit(app)


def test_templates_link_downward_only_too():
    """A template under templates/<app>/ links only to its own app's pages and those of apps below it
    (a page of a higher app reaches it through a registered section, lg_portal.registry)."""
    import re

    from django.urls import URLPattern, URLResolver, get_resolver

    owner = {}

    def walk(patterns):
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns)
            elif isinstance(p, URLPattern) and p.name:
                owner[p.name] = p.callback.__module__.split(".")[0]

    walk(get_resolver().url_patterns)
    upward = []
    for app in LEVEL:
        for path in sorted((ROOT / "templates" / app).rglob("*.html")):
            for name in re.findall(r"{%\s*url\s+['\"]([\w-]+)['\"]", path.read_text()):
                target = owner.get(name)
                if target in LEVEL and target != app and LEVEL[target] >= LEVEL[app]:
                    upward.append(f"{path.relative_to(ROOT)} links to {name} ({target})")
    assert upward == []
