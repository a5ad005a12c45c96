"""English message templates of every rule code.

The Django layer translates them with `gettext(MESSAGES[rule]) % params`;
`gettext_noop` marks them for makemessages without importing Django here.
"""


def gettext_noop(message: str) -> str:
    """Mark a string for translation extraction and return it unchanged."""
    return message


MESSAGES: dict[str, str] = {
    "party.watchlist_match": gettext_noop(
        "The %(party)s %(name)s is the same entity as %(entry_name)s on the list %(list)s "
        "(%(list_kind)s, similarity %(similarity)s)."
    ),
    "party.defense_industry": gettext_noop(
        "The %(party)s %(name)s is the defence contractor %(entry_name)s on the list %(list)s, "
        "so the items may enhance military capability."
    ),
    "party.parent_is_listed": gettext_noop(
        "The parent company of the %(party)s, %(name)s, is the listed entity %(entry_name)s "
        "on the list %(list)s."
    ),
    "party.parent_of_listed": gettext_noop(
        "The %(party)s %(name)s appears to be the parent company of the listed entity "
        "%(entry_name)s on the list %(list)s."
    ),
    "party.sister_of_listed": gettext_noop(
        "The %(party)s %(name)s shares its parent company %(parent)s with the listed entity "
        "%(entry_name)s on the list %(list)s."
    ),
    "party.name_contains_listed": gettext_noop(
        "The name of the %(party)s %(name)s contains the listed name %(entry_name)s, so check "
        "whether the two companies are related."
    ),
    "party.defense_business": gettext_noop(
        "The business of the %(party)s mentions %(term)s, so it may have defence business."
    ),
    "party.end_user_is_intermediary": gettext_noop(
        "The end user %(name)s looks like a trading company or freight forwarder (%(term)s), "
        "so the real end user may be someone else."
    ),
    "party.business_mismatch": gettext_noop(
        "The business of the end user (%(business)s) does not match any declared use."
    ),
    "use.military_term": gettext_noop(
        "The declared use mentions %(term)s, which indicates a military end use."
    ),
    "use.vague": gettext_noop(
        "The declared use %(text)s does not say what the items are used for."
    ),
    "use.military_site": gettext_noop(
        "The site %(site)s is at or next to a military facility (%(term)s)."
    ),
    "item.controlled": gettext_noop(
        "The item %(item)s matches the controlled item %(code)s %(catalogue_name)s, "
        "whose military applications are: %(applications)s."
    ),
    "quantity.exceeds_declared_use": gettext_noop(
        "The item %(item)s is ordered in a quantity of %(quantity)s %(unit)s, which is "
        "%(ratio)s times the declared annual use of %(annual)s %(unit)s."
    ),
    "route.reexport": gettext_noop(
        "The %(party)s %(name)s is in %(country)s while the final destination is "
        "%(destination)s, so the goods pass through a third country."
    ),
    "route.destination_not_japan": gettext_noop(
        "The final destination is %(destination)s, not Japan, so the items would be re-exported."
    ),
    "undertaking.missing": gettext_noop("The undertaking %(undertaking)s is missing or not given."),
    "signature.missing": gettext_noop("The signatory field %(field)s is empty."),
    "validity.expired": gettext_noop(
        "The certificate was valid until %(valid_until)s and has expired."
    ),
    "registry.not_registered": gettext_noop(
        "The corporate number %(number)s of the %(party)s %(name)s is not in the National Tax "
        "Agency's corporate-number data."
    ),
    "registry.name_mismatch": gettext_noop(
        "The %(party)s %(name)s gives the corporate number %(number)s, which is registered to "
        "%(registered_name)s."
    ),
    "registry.closed": gettext_noop(
        "The %(party)s %(name)s (corporate number %(number)s) was closed on %(close_date)s "
        "(cause %(close_cause)s)."
    ),
    "registry.new_company": gettext_noop(
        "The %(party)s %(name)s received its corporate number %(number)s on %(assignment_date)s, "
        "less than %(days)s days ago, so check whether it is a newly formed front company."
    ),
}

# Not a rule: the note on a list finding whose clearance ended because the entry changed.
CLEARANCE_LAPSED_MESSAGE = gettext_noop(
    "The clearance recorded by %(by)s on %(at)s no longer applies, because the list entry "
    "%(list)s:%(id)s changed after it was recorded."
)
