"""The underretning letter (retssikkerhedsloven § 3, stk. 2) as a Word document, from a replaceable template.

The template is an ordinary .docx with Jinja placeholders (``{{ forventet_dato }}``) filled by docxtpl. A
municipality puts its own letterhead and wording in its own copy; :func:`template_problems` checks such a copy
before it is used, naming each placeholder it lacks or does not know, in Danish.
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from jobcenter_desktop.export.atomic import save_atomically
from jobcenter_desktop.export.errors import ExportError

#: Every letter must say these (the law's content: who, which case, the deadline, why, and when instead).
REQUIRED = ("dato", "sagsnummer", "modtager_navn", "modtager_adresse", "emne", "ansoegt_den", "frist",
            "fristdato", "begrundelse", "forventet_dato", "sagsbehandler")  # fmt: skip
#: May be used; a template without them is fine.
OPTIONAL = ("modtager_id", "id_type", "haendelse", "maalgruppe", "team", "kilde")
KNOWN = frozenset(REQUIRED + OPTIONAL)


def _placeholders(path: Path) -> set[str]:
    from docxtpl import DocxTemplate
    from jinja2 import TemplateSyntaxError

    if not path.is_file():
        raise ExportError(f"Skabelonen findes ikke: {path}.")
    if not zipfile.is_zipfile(path):
        raise ExportError(f"{path.name} er ikke et Word-dokument (.docx). Gem skabelonen som .docx i Word.")
    try:
        return set(DocxTemplate(str(path)).get_undeclared_template_variables())
    except TemplateSyntaxError as e:
        raise ExportError(f"Skabelonen {path.name} har en fejl i et felt (linje {e.lineno}): "
                          f"{(e.message or '').rstrip('.')}. "
                          "Skriv felterne som {{ forventet_dato }}.") from e  # fmt: skip
    except (KeyError, ValueError, zipfile.BadZipFile, OSError) as e:  # a zip that is no Word document
        raise ExportError(f"{path.name} kan ikke læses som et Word-dokument ({e}).") from e


def _environment() -> Any:
    """A sandbox: the template file may come from anyone who can write the shared folder, and a placeholder
    must not reach Python's internals; an undefined one is an error, not an empty gap in a letter."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=True)  # "&" or "<" in a name stays text


def _render(template: Path, values: Mapping[str, object]) -> Any:
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError

    doc = DocxTemplate(str(template))
    try:
        doc.render(dict(values), jinja_env=_environment(), autoescape=True)
    except TemplateError as e:  # a placeholder that cannot be filled (an attribute of a field, a filter, ...)
        raise ExportError(f"Skabelonen {template.name} kan ikke udfyldes: {str(e).rstrip('.')}. Skriv felterne som "
                          "{{ forventet_dato }}.") from e  # fmt: skip
    except (ValueError, KeyError, AttributeError, TypeError) as e:  # a document part docxtpl cannot rebuild
        raise ExportError(f"Skabelonen {template.name} kan ikke udfyldes ({e}).") from e
    return doc


def template_problems(path: Path) -> list[str]:
    """What is wrong with a letter template, in Danish; empty when it can be used (it is filled once with
    sample values, so what passes here also renders)."""
    try:
        found = _placeholders(path)
    except ExportError as e:
        return [str(e)]
    problems = [f"Skabelonen mangler feltet {{{{ {name} }}}}." for name in REQUIRED if name not in found]
    problems += [f"Skabelonen bruger et ukendt felt {{{{ {name} }}}} (stavefejl?). Kendte felter: "
                 f"{', '.join(sorted(KNOWN))}." for name in sorted(found - KNOWN)]  # fmt: skip
    if not problems:
        try:
            from docxtpl import Listing

            # The same kinds of value as a real letter: the address is lines.
            _render(path, {**{name: "x" for name in KNOWN}, "modtager_adresse": Listing("x\ny")})
        except ExportError as e:
            problems.append(str(e))
    return problems


def write_notice(template: Path, fields: Mapping[str, str | Sequence[str]], target: Path) -> None:
    """Fill ``template`` with ``fields`` (a sequence: one line each, e.g. an address) and write ``target``
    whole or not at all. Raises :class:`ExportError` with a Danish message."""
    from docxtpl import Listing

    problems = template_problems(template)
    if problems:
        raise ExportError(" ".join(problems))
    if target.suffix.lower() != ".docx":
        raise ExportError(f"Filnavnet skal ende på .docx, ikke {target.suffix or 'ingenting'}: {target.name}.")
    values = {k: Listing("\n".join(v)) if not isinstance(v, str) else v for k, v in fields.items()}
    save_atomically(_render(template, values), target)


def letter_text(path: Path) -> str:
    """The letter's text, paragraph by paragraph (tables and header too): for tests and the self-test."""
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs]
    return "\n".join(parts)
