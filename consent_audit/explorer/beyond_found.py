"""What the search beyond the core screen found and left (`Beyond`: explorer/beyond_core.py fills it,
explorer/signed_in.py adds the signed-in app's), and how a permission it could not re-walk is said."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..screen import Screen
from .moves import Move
from .permissions import Feature


@dataclass
class Beyond:
    """What the search beyond the core screen found and what it did not cover."""

    features: dict[str, Feature]
    screens: int                                     # screens seen (the core screen included)
    taps: int                                        # controls used
    words: frozenset[str] = frozenset()              # the distinct controls used (PermissionGoal.judge)
    levels: int | None = None                        # levels below the core screen searched (None: not told)
    unsearched: list[str] = field(default_factory=list)   # what it did not cover: each a phrase
    avoided: list[str] = field(default_factory=list)      # controls never tapped on purpose (labels)
    in_place: list[tuple[Move, Screen, Screen]] = field(default_factory=list)
    """Core-screen controls whose quiet use changed the core screen in place (move, before, after), granted."""
    unwalkable: dict[str, str] = field(default_factory=dict)
    """Permissions asked on using a control no way of taps seen leads back to (permission → that control and its
    screen): requested all the same, their refusal not measured (said in `unsearched`)."""
    gate: list[str] = field(default_factory=list)
    """The core screen is a log-in gate: the labels of its controls, each of which led to a credentials form
    (`log_in_gate`); [] when it is not one."""
    log_ins: list[str] = field(default_factory=list)
    """Credentials forms reached inside the app (not the core screen), each by its way from the core screen: this
    search types nothing; the signed-in app behind them is searched apart (explorer/signed_in.py), else said not
    searched in the goal's detail."""
    used: frozenset[tuple[str, str]] = frozenset()
    """(screen structure, control key) of every control used (`PermissionGoal.used`)."""
    log_in_keys: frozenset[str] = frozenset()
    """The keys of the start screen's controls that begin a way to a credentials form of `log_ins` (a profile
    tab): what signing in changes first."""
    unreached_core: list[tuple[Move, str]] = field(default_factory=list)
    """Controls of the core screen itself left because it could not be reached again (the move, and its phrase
    in `unsearched`): a layer of it that one answer took away for good (an app's own ask shown until answered)
    — each tried from a fresh start (explorer/fresh_tries.py)."""
    answered: frozenset[str] = frozenset()
    """Permissions asked by an answer of a question over the app that a tap raised (the app's own pre-prompt:
    `PermissionGoal.questions`): a feature only when that tap raises it each time (explorer/asked_in_use.py)."""
    walked: dict[str, list[tuple[str, str] | None]] = field(default_factory=dict)
    """Per feature, what was done since the app's last launch before its control was used (`Operator.walked`):
    the use that raised a question shown only after earlier use (explorer/asked_in_use.py)."""
    fresh_walks: dict[str, frozenset[str]] = field(default_factory=dict)
    """Per feature of `walked` whose use began at a fresh install: the words of the controls on screen after its
    tap — that use was its own replay from a fresh install (`asked_in_use.replayed_use` replays no more)."""
    signed_in: str = ""
    """How the app behind a log-in inside it was entered and what was searched there (explorer/signed_in.py);
    "" when it was not."""


def unwalkable_said(permission: str, where: str) -> str:
    """What a permission asked where no way of taps leads back leaves unmeasured, in the goal's detail."""
    return (f"{permission} was asked on using {where}, and no way of taps seen leads back there: its refusal was "
            "not measured")


def screen_said(via: tuple[str, ...] | list[str]) -> str:
    """A screen of the map named by its way there for a sentence: "the screen via Profil › Nastavení", or "the
    start screen" for the search's first screen (it was said "the screen via none")."""
    return f"the screen via {' › '.join(via)}" if via else "the start screen"
