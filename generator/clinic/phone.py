"""The clinic's phone number: checked once, dialled the same way everywhere.

The number is shown as the clinic wrote it (people recognise their own number, and a national
format is what local patients dial from a landline); every `tel:` link, in the header, the
footer, the contact page, the builder and the JSON-LD, uses the one form this module makes:
the international number in RFC 3966 form without visual separators (`tel:+442079460000`,
`;ext=12` for an extension).
Parsing is Google's libphonenumber rules (the `phonenumbers` package), so `+44 (0)20 ...`
loses its trunk zero and a national number is read with the clinic's country.
"""

from __future__ import annotations

import phonenumbers

# The clinic's country setting as libphonenumber's region codes (ISO 3166: the UK is GB).
REGIONS = {"UK": "GB", "IE": "IE", "US": "US", "CA": "CA", "AU": "AU", "NZ": "NZ"}


def dial_uri(number: str, country: str) -> str:
    """`tel:` URI of `number` as written in `country` (a settings code); `ValueError` with a
    message for a clinic manager when it is not a number that can be dialled there."""
    region = REGIONS[country]
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is None or not phonenumbers.is_valid_number(parsed):
        example = phonenumbers.example_number(region)
        national = (
            phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL)
            if example
            else ""
        )
        raise ValueError(
            f"'{number}' is not a phone number that can be dialled in {country}; write it as "
            f"people dial it, like '{national}', or with the country code, like '+"
            f"{phonenumbers.country_code_for_region(region)} ...' (add an extension as 'ext. 12')"
        )
    e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return f"tel:{e164}" + (f";ext={parsed.extension}" if parsed.extension else "")
