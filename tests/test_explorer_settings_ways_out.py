"""A settings layer's ways out as gdpr-cookie-notice draws them (corpus gcn-dark): its save is an `<a href="#">`
drawn as a button, after a × (an empty <button>), a purpose's title and an «always on» label that only say or
open something; the save stores the refusal but leaves the layer open (the user closes it with ×), and the bar
stays while anything is refused; the accept also keeps an analytics id the refusal does not. Before: the layer's first three controls in reading order (×, the title, the
label) were its only ways out tried, the save never was; the save and × left the bar on screen (never "gone"); and
answers storing the record plus other items were "other records": the dialog was no consent dialog (not_found)."""
from __future__ import annotations

from test_explorer_structure import LayerApp, _saved

from consent_audit.explorer import consent_structure
from consent_audit.explorer.forms import UNTICK

ALL_ON = '{"stats":true,"ads":true}'
GCN = {"first": {"texts": ["ჩვენ ვიყენებთ ქუქი-ფაილებს ..."],
                 "buttons": {"პარამეტრები": ("settings", None, False), "ყველას მიღება": (None, {"shop:choice": ALL_ON, "shop:stats-id": "a81f03"}, False)},
                 "roles": {"პარამეტრები": "link", "ყველას მიღება": "link"}},
       "settings": {"texts": ["პარამეტრები"], "boxes": ("სტატისტიკა", "რეკლამა"),
                    "buttons": {"×": ("first", None, False), "აუცილებელი": ("settings", None, False),
                                "ყოველთვის ჩართული": ("settings", None, False),
                                "პოლიტიკა": ("settings", None, False), "შენახვა": ("settings", _saved, False)},
                    "roles": {"აუცილებელი": "", "ყოველთვის ჩართული": "", "პოლიტიკა": "link", "შენახვა": "link"}}}


def test_a_save_drawn_as_a_link_that_leaves_the_layer_open_is_the_refusal_closed_by_its_x() -> None:
    app = LayerApp(GCN)
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None
    assert [m.label for m in learnt.accept.moves] == ["ყველას მიღება"]
    assert [(m.label, m.purpose) for m in learnt.reject.moves] == [
        ("პარამეტრები", ""), ("შენახვა", UNTICK), ("×", "")]
    assert learnt.settings_ticked == 2
