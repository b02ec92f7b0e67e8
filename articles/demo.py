"""A small entity registry for the demo copy's main actors (a demo convenience).

The matcher and the candidate finder know nothing of this list: it is ordinary
registry data, written through the same services an editor's clicks use.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from articles.models import Entity
from articles.services.entities import entity_add_alias, entity_create
from articles.text.entities import normalize_name


@dataclass(frozen=True)
class DemoEntity:
    kind: str
    name: str
    description: str = ""
    aliases: tuple[str, ...] = ()


DEMO_REGISTRY: tuple[DemoEntity, ...] = (
    # People
    DemoEntity("person", "Zabihullah Mujahid", "Taliban spokesman", ("Mujahid",)),
    DemoEntity("person", "Amir Khan Muttaqi", "Taliban foreign minister", ("Muttaqi",)),
    DemoEntity("person", "Sergey Lavrov", "Foreign Minister of Russia", ("Lavrov",)),
    DemoEntity(
        "person",
        "Alexander Bortnikov",
        "Director of the Federal Security Service of Russia",
        ("Bortnikov",),
    ),
    DemoEntity("person", "Andrey Rudenko", "Deputy Foreign Minister of Russia"),
    DemoEntity(
        "person", "Zamir Kabulov", "Russia's special representative for Afghanistan"
    ),
    DemoEntity("person", "Vladimir Putin", "President of Russia", ("Putin",)),
    DemoEntity(
        "person",
        "Karen Decker",
        "Chargé d'Affaires of the US Embassy for Afghanistan",
        ("Decker",),
    ),
    DemoEntity("person", "Tom West", "US special representative for Afghanistan"),
    DemoEntity("person", "Aaron Zelin", "Analyst"),
    DemoEntity("person", "Michael Kurilla", "Commander of US Central Command"),
    # Organisations
    DemoEntity("organisation", "Taliban", "Islamist movement ruling Afghanistan"),
    DemoEntity(
        "organisation",
        "Islamic State Khorasan Province",
        "Regional affiliate of the Islamic State",
        ("ISIS-K", "Khorasan Province", "ISKP"),
    ),
    DemoEntity("organisation", "Islamic State", "Jihadist group", ("ISIS",)),
    DemoEntity(
        "organisation",
        "Federal Security Service of Russia",
        "Russia's main security agency",
        (
            "FSB",
            "Russia's security agency",
            "Russia's federal security services",
        ),
    ),
    DemoEntity("organisation", "United Nations", aliases=("UN",)),
    DemoEntity("organisation", "UN Security Council"),
    DemoEntity("organisation", "Commonwealth of Independent States", aliases=("CIS",)),
    DemoEntity("organisation", "RIA Novosti", "Russian state news agency"),
    DemoEntity("organisation", "Agence France-Presse", aliases=("AFP",)),
    DemoEntity("organisation", "US State Department", aliases=("State Department",)),
    DemoEntity("organisation", "Afghanistan International", "News channel"),
    # Places
    DemoEntity("place", "Afghanistan"),
    DemoEntity("place", "Russia"),
    DemoEntity("place", "United States", aliases=("US",)),
    DemoEntity("place", "Iran"),
    DemoEntity("place", "Moscow"),
    DemoEntity("place", "Kabul"),
    DemoEntity("place", "Bishkek"),
    DemoEntity("place", "Tashkent"),
    DemoEntity("place", "Dubai"),
    DemoEntity("place", "Doha"),
    DemoEntity(
        "place", "Crocus City Hall", "Concert hall near Moscow", ("Crocus Hall",)
    ),
    # Events
    DemoEntity(
        "event",
        "Moscow Format",
        "Consultations on Afghanistan hosted by Russia",
        ("Moscow Consultative Format", "Moscow Format Meeting"),
    ),
    DemoEntity(
        "event", "Doha Process", "UN-convened meetings on Afghanistan", ("Doha III",)
    ),
)


def load_demo_registry() -> int:
    """Add the demo entities and aliases that are missing; return how many entities
    were created (0 when the registry already holds them all).

    An entity counts as present when one of the same kind has its name; missing
    aliases are added to it. Articles are linked again once, when this commits.
    """
    created = 0
    with transaction.atomic():
        existing = {
            (entity.kind, normalize_name(entity.name)): entity
            for entity in Entity.objects.prefetch_related("aliases")
        }
        for spec in DEMO_REGISTRY:
            entity = existing.get((spec.kind, normalize_name(spec.name)))
            if entity is None:
                entity_create(
                    name=spec.name,
                    kind=spec.kind,
                    description=spec.description,
                    aliases=spec.aliases,
                    by=None,
                )
                created += 1
                continue
            known = {normalize_name(entity.name)} | {
                normalize_name(alias.text) for alias in entity.aliases.all()
            }
            for text in spec.aliases:
                if normalize_name(text) not in known:
                    entity_add_alias(entity=entity, text=text, by=None)
    return created
