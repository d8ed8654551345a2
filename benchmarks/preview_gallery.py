"""Render the phone preview of every example x platform x light/dark to PNG files (for looking).

    .venv/bin/python benchmarks/preview_gallery.py [--out DIR] [--scale 1] [--only NAME...]
    .venv/bin/python benchmarks/preview_gallery.py --show [--example NAME] [--platform web] [--dark]

Besides the examples it renders click-through states: the list sheet with a row chosen, the
customer's reply after a button tap, after a list send and after "Send location", and the
multi-product sheet; and the sandbox's demo templates (drawn from their definitions), with a
quick-reply tap and one with five buttons ("See all options"). ``--show`` opens a real window
(for a screenshot on a virtual screen).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def sample_products(tmp: Path) -> dict[str, Any]:
    """Preview data from the sandbox's demo catalog (names, prices and its shipped pictures),
    as the window gets it; ``tmp`` is unused (kept for callers)."""
    from composer.sandbox.catalog import DemoCatalog
    from ui.window.products import previews

    return previews(DemoCatalog().catalog())


def template_lookup() -> Any:
    """The demo library's definitions (as the window installs them), plus "crowded": the
    appointment reminder with five quick replies."""
    from dataclasses import replace
    from datetime import UTC, datetime

    from composer.sandbox.demo_templates import demo_template_records
    from composer.templates import ButtonDef, TemplateLibrary

    demo = TemplateLibrary.from_graph(demo_template_records(), datetime.now(UTC))
    reminder = demo.get("appointment_reminder", "en_US")
    assert reminder is not None
    many = tuple(ButtonDef(i, "QUICK_REPLY", f"Option {i + 1}") for i in range(5))
    crowded = replace(reminder, name="crowded", buttons=many)
    return lambda name, lang: crowded if name == "crowded" else demo.get(name, lang)


def _template(name: str, *components: dict[str, Any]) -> dict[str, Any]:
    return {
        "messaging_product": "whatsapp",
        "to": "+15550100001",
        "type": "template",
        "template": {"name": name, "language": {"code": "en_US"}, "components": list(components)},
    }


def template_variants() -> list[tuple[str, dict[str, Any], list[tuple[Any, ...]]]]:
    def body(*values: str) -> dict[str, Any]:
        return {"type": "body", "parameters": [{"type": "text", "text": v} for v in values]}

    image = {
        "type": "header",
        "parameters": [{"type": "image", "image": {"link": "https://cdn.example.com/welcome.jpg"}}],
    }
    named = {"type": "body", "parameters": [
        {"type": "text", "parameter_name": "customer_name", "text": "Ana"},
        {"type": "text", "parameter_name": "order_id", "text": "#48213"},
    ]}  # fmt: skip
    suffix = {"type": "button", "sub_type": "url", "index": "0",
              "parameters": [{"type": "text", "text": "48213"}]}  # fmt: skip
    return [
        ("template_welcome_offer", _template("welcome_offer", image, body("Ana")), []),
        ("template_login_code", _template("login_code", body("482913")), []),
        ("template_order_shipped", _template("order_shipped", named, suffix), []),
        ("template_crowded", _template("crowded", body("Ana", "Monday at 9:00")), []),
        ("template_unfilled", _template("appointment_reminder", body("Ana", "")), []),
    ]


def variants(examples: dict[str, Any]) -> list[tuple[str, dict[str, Any], list[tuple[Any, ...]]]]:
    out: list[tuple[str, dict[str, Any], list[tuple[Any, ...]]]] = []
    for name, payload in examples.items():
        if name == "invalid":
            continue
        out.append((name, payload, []))
    out.append(("tap_button", examples["reply_buttons_text_header"], [("button", 0)]))
    out.append(("tap_list_sheet", examples["list_single_section"], [("open_list",), ("row", 0, 0)]))
    out.append(
        (
            "tap_list_sent",
            examples["list_single_section"],
            [("open_list",), ("row", 0, 0), ("send_list",)],
        )
    )
    out.append(("tap_location", examples["location_request"], [("send_location",)]))
    out.append(("tap_products", examples["product_list_two_sections"], [("open_products",)]))
    rtl = json.loads(json.dumps(examples["reply_buttons_text_header"]))
    rtl["interactive"]["header"]["text"] = "تذكير بالموعد"
    rtl["interactive"]["body"]["text"] = (
        "مرحبا آنا! موعدك *غدا* الساعة 9:00. هل تريد الاحتفاظ به؟\nשלום! זו שורה בעברית.\n"
        "Mixed line: English first, then عربي."
    )
    rtl["interactive"]["action"]["buttons"][0]["reply"]["title"] = "نعم"
    out.append(("rtl_buttons", rtl, []))
    long_word = json.loads(json.dumps(examples["list_single_section"]))
    long_word["interactive"]["body"]["text"] = (
        "Averyveryveryveryverylongwordwithoutanyspacesthatmustwrapanywhere 🎉🎉 and emoji 👍🏽❤️"
    )
    out.append(("long_word_emoji", long_word, []))
    reminder = examples["template_appointment_reminder"]
    out.append(("tap_template_reply", reminder, [("template_reply", 0, "Confirm", "confirm")]))
    return out + template_variants()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="/tmp/preview_gallery")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--example", default="reply_buttons_text_header")
    parser.add_argument("--platform", default="android")
    parser.add_argument("--dark", action="store_true")
    args = parser.parse_args(argv)
    if not args.show:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget

    from composer.payload import from_payload
    from composer.validation.check import check
    from ui.preview import PhoneView
    from ui.preview.themes import PLATFORMS

    app = QApplication.instance() or QApplication(sys.argv[:1])
    examples = json.loads((ROOT / "tests" / "data" / "examples.json").read_text(encoding="utf-8"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    products = sample_products(out)
    templates = template_lookup()

    if args.show:
        window = QWidget()
        window.setWindowTitle("WA Composer preview gallery")
        row = QHBoxLayout(window)
        for platform, dark, name in (
            (args.platform, args.dark, args.example),
            ("ios", not args.dark, "list_single_section"),
            ("web", True, "product_list_two_sections"),
        ):
            view = PhoneView()
            view.set_preview_data(products)
            view.set_template_lookup(templates)
            view.set_appearance(platform, dark)
            msg = from_payload(examples[name])
            view.set_message(msg, check(msg))
            row.addWidget(view)
        window.resize(1560, 1000)
        window.show()
        return int(app.exec())

    count = 0
    for name, payload, taps in variants(examples):
        if args.only and name not in args.only:
            continue
        msg = from_payload(payload)
        for platform in PLATFORMS:
            for dark in (False, True):
                view = PhoneView()
                view.set_link_fetching(False)  # deterministic pictures: placeholders for links
                view.set_preview_data(products)
                view.set_template_lookup(templates)
                view.set_appearance(platform, dark)
                view.set_message(msg, check(msg))
                for tap in taps:
                    view.tap(tap)
                app.processEvents()
                path = out / f"{name}-{platform}-{'dark' if dark else 'light'}.png"
                view.save_png(path, scale=args.scale)
                view.close_media()
                view.deleteLater()
                count += 1
    print(f"{count} previews in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
