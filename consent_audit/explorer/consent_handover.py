"""The consent dialog told by structure handed between the goals of one run (`ConsentHandOver`, a mixin of
`ConsentExplorations`): what one goal's probe learnt (explorer/consent_structure.py) and the way in the dialog
lives behind (a log-in gate at launch, explorer/gate.py) are taken by a later goal, which tries no answer again —
and trusts them only once the dialog is on screen where it looks (`_drop_adopted` otherwise). The state it
fills is declared in `ExploredApp`."""
from __future__ import annotations


LEARNT_BY_STRUCTURE = ("accept", "reject", "refusal", "structure_tried", "settings_preticked", "settings_mandatory",
                       "consent_on_scroll")
"""What the structural probe of the consent dialog learnt, besides its keys: handed on as one (`consent_learnt`)."""
GATE = ("gate_moves", "gate_mode", "gate_names")
"""The way in the dialog lives behind (a log-in gate at launch, explorer/gate.py): handed on with it."""


class ConsentHandOver:
    """See the module doc."""

    none_told: tuple[frozenset[str], list] = (frozenset(), [])   # an earlier probe's buttons, told no dialog

    def consent_learnt(self) -> dict | None:
        """The consent dialog told by structure and storage (`_consent_by_structure`), for a later goal of the run
        to `adopt_consent`: {'keys': its buttons' keys, 'accept', 'reject' (ConsentPath), 'refusal' (a notice's:
        every other button tried, none refused), 'structure_tried' (what each answer did), 'settings_preticked',
        'settings_mandatory', 'consent_on_scroll', and the way in it lives behind: 'gate_moves', 'gate_mode',
        'gate_names' (a log-in gate at launch: [], None, 0 when none)}; None when no dialog was told that way (a
        dialog told by its words costs a later goal nothing to tell again). A notice whose one answer accepts is
        handed on too: each later goal tried its every button again (notice-only: 2 actions a goal). So is a
        dialog told by its words whose every way out was tried and none refused (`_refusal_by_structure`: keys
        empty, the words tell it): each later goal tried them all again, from fresh launches (corpus bep: the
        permissions goal's refused pass, then the consent goal). A dialog this goal adopted is handed on as it is,
        with the way in this goal learnt (a gate passed later reopens the structural look behind it,
        `_pass_gate`, which a dialog known by its buttons never needs). A probe that told no dialog is handed on
        as {'none_of', 'structure_tried'} (`_none_told`)."""
        notice = self.refusal is not None and self.refusal.offered is False
        told = (self.structure_checked or self.consent_adopted) and bool(self.op.consent_keys)
        if not (self.accept and (notice or (told and self.reject))):
            return self._none_told()
        return {"keys": self.op.consent_keys, **{name: getattr(self, name) for name in LEARNT_BY_STRUCTURE + GATE}}

    def _none_told(self) -> dict | None:
        """A probe of this goal (or one it adopted) that tried every button of the layer at launch and told no
        consent dialog (an onboarding carousel, a theme choice): {'none_of': the buttons' keys, 'structure_tried':
        what each did} — a later goal shown the same buttons at its launch tries none of them again (corpus valna:
        each goal spent the onboarding's «Пропусни» and «Напред» again, 2 actions a goal) — whether or not a
        dialog was found by its words behind it. None when no probe ran, or it told a dialog."""
        if self.op.consent_keys:     # the probe told a dialog (handed on above when its paths are known)
            return None
        if self.structure_checked and self.structure_tried:
            return {"none_of": frozenset(t.target.key for t in self.structure_tried if not t.via),
                    "structure_tried": list(self.structure_tried)}
        keys, tried = self.none_told
        return {"none_of": keys, "structure_tried": tried} if keys else None

    def adopt_consent(self, learnt: dict | None, with_gate: bool = True) -> None:
        """Take the consent dialog an earlier goal of this run told by structure (`consent_learnt`): its answers
        are not tried again from fresh launches (each goal spent the same probe); the paths are still walked,
        read back and relaunched by the journeys that measure them. The way in it lives behind (a log-in gate)
        is taken with it when this goal knows none, so every launch of this goal walks it too (accounts signed
        up to pass it stay used) — unless `with_gate` is False: a goal whose flow walks an account path of its own
        from a logged-out launch (a sign-up, then a deletion) would find itself signed in before it. Nothing is
        taken when `learnt` is None or this goal already probed the dialog itself. A probe that told no dialog
        (`_none_told`) is kept apart (`none_told`): this goal's probe tries none of those buttons again where its
        launch shows them (`_consent_by_structure`)."""
        if not learnt or self.structure_checked:
            return
        if "none_of" in learnt:     # an earlier probe told no dialog: its buttons not tried again where shown
            self.none_told = (learnt["none_of"], list(learnt["structure_tried"]))
            return
        self.op.consent_keys = learnt["keys"]
        for name in LEARNT_BY_STRUCTURE:
            setattr(self, name, learnt[name])
        if with_gate and learnt.get("gate_moves") and not self.gate_moves:
            self.gate_moves, self.gate_mode = list(learnt["gate_moves"]), learnt["gate_mode"]
        self.gate_names = max(self.gate_names, learnt.get("gate_names", 0))
        self.structure_checked = bool(learnt["keys"])   # told by its words: the structural look stays this goal's
        self.structure_accepted = False      # no trial of this goal's left the app accepted
        self.consent_adopted = True

    def _drop_adopted(self) -> None:
        """The dialog adopted from an earlier goal (`adopt_consent`) is not on screen where this goal looks for
        it: nothing of it is trusted — the goal tells the dialog itself (its probe, its gate search)."""
        self.consent_adopted = False
        self.structure_checked = False
        self.op.consent_keys = frozenset()
        self.accept = self.reject = self.refusal = None
        self.structure_tried = []
        self.settings_preticked = self.settings_mandatory = None
        self.layer_seen = None
        self.consent_on_scroll = False
