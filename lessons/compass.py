"""Loading the compass data (lessons.compass_data) into its tables. Used by the data migration with
historical models; idempotent (update_or_create by key)."""

from . import compass_data


def compass_load(*, Chapter, Item, Lesson, InitiatorGuide, BonusTip) -> None:  # noqa: N803 - model classes
    for chapter_data in compass_data.CHAPTERS:
        chapter, _ = Chapter.objects.update_or_create(
            key=chapter_data["key"],
            defaults={name: chapter_data[name] for name in ("order", "title_nl", "title_en", "intro_nl", "intro_en")},
        )
        for order, item in enumerate(chapter_data["items"], start=1):
            Item.objects.update_or_create(
                key=item["key"],
                defaults={"chapter": chapter, "order": order, "kind": item["kind"], "text_nl": item["text_nl"],
                          "text_en": item["text_en"], "auto_check": item.get("auto_check") or ""},
            )
        for order, lesson in enumerate(chapter_data["lessons"], start=1):
            Lesson.objects.update_or_create(
                key=lesson["key"],
                defaults={"chapter": chapter, "order": order, "title_nl": lesson["title_nl"],
                          "title_en": lesson["title_en"], "body_nl": lesson["body_nl"], "body_en": lesson["body_en"],
                          "auto_check": lesson.get("auto_check") or ""},
            )
    for order, data in enumerate(compass_data.BONUS_TIPS, start=1):
        guide, _ = InitiatorGuide.objects.update_or_create(
            initiator=data["initiator"],
            defaults={"order": order, "title_nl": data["title_nl"], "title_en": data["title_en"]},
        )
        for kind, nl_key, en_key in (("tip", "tips_nl", "tips_en"), ("example", "examples_nl", "examples_en")):
            if len(data[nl_key]) != len(data[en_key]):
                raise ValueError(f"{data['initiator']}: {nl_key} and {en_key} differ in length")
            for position, (text_nl, text_en) in enumerate(zip(data[nl_key], data[en_key], strict=True), start=1):
                BonusTip.objects.update_or_create(
                    guide=guide, kind=kind, order=position, defaults={"text_nl": text_nl, "text_en": text_en},
                )
