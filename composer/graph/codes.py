"""THE table: every error code of spec section 11.4 with its family, plain text and next step.

Only ``composer.graph.errors`` reads it (the one mapping function); titles are paraphrased from
Meta's error-code page, cross-checked with PYWA.
"""

from __future__ import annotations

from dataclasses import dataclass

from composer import limits
from composer.graph.error_types import (
    AccountError,
    AuthenticationError,
    GraphError,
    GraphPermissionError,
    InvalidParameterError,
    MediaError,
    PairRateLimitError,
    RateLimitError,
    RecipientError,
    ServerError,
    TemplateError,
    UnsupportedMessageError,
    WindowClosedError,
)


@dataclass(frozen=True, slots=True)
class CodeInfo:
    cls: type[GraphError]
    title: str
    explanation: str
    next_step: str
    retryable: bool = False


_NEW_CREDENTIAL_STEP = (
    "Generate a new access token (a system-user token does not expire quickly) and store it with "
    "`wa-composer token set PROFILE`."
)
_PERMISSION_STEP = (
    "Give the token the whatsapp_business_messaging and whatsapp_business_management permissions "
    "for this WhatsApp account, then store the new token."
)
_FIELD_STEP = "Fix the field named in the details (see the field path) and send again."
WAIT_STEP = "Nothing to do: the app retries automatically; if it keeps failing, wait a minute."

_TEMPLATE_LIST_STEP = "`wa-composer templates show NAME` lists the template's variables."

# The template codes (docs/spec/templates.md section 6); the details name the component.
TEMPLATE_CODES: dict[int, CodeInfo] = {
    132000: CodeInfo(
        TemplateError,
        "Wrong number of template variables",
        "The number of values sent does not match the number of variables the template "
        "defines in that component.",
        f"Give each variable exactly one value, no more and no fewer. {_TEMPLATE_LIST_STEP}",
    ),
    132001: CodeInfo(
        TemplateError,
        "Template not found",
        "This WhatsApp account has no approved template with this name in this language (it "
        "may be new and not approved yet, or belong to another account).",
        "Check the name and the language code (en_US is not en) with `wa-composer templates "
        "list --refresh`, and that the template is approved.",
    ),
    132005: CodeInfo(
        TemplateError,
        "Template text too long",
        "With its variables filled in, the template's text is over WhatsApp's limit (header 60, "
        "body 1024 characters).",
        "Shorten the variable values of the component named in the details.",
    ),
    132007: CodeInfo(
        TemplateError,
        "Template content refused",
        "The template's content, or the values sent, break WhatsApp's policy on characters and "
        "format.",
        "Remove the refused characters or formatting from the values, or edit the template in "
        "WhatsApp Manager.",
    ),
    132012: CodeInfo(
        TemplateError,
        "Template variables in the wrong format",
        "The values do not have the format the template was created with: named values "
        "({{first_name}}) for a numbered template or the reverse, names that do not match, or "
        "a parameter of the wrong type (text where the header is an image).",
        f"Send the parameters the way the template defines them. {_TEMPLATE_LIST_STEP}",
    ),
    132015: CodeInfo(
        TemplateError,
        "Template paused",
        "Meta paused this template because of low quality; it can't be sent while paused.",
        "Send another approved template, or wait until Meta unpauses it (WhatsApp Manager > "
        "Message templates) and refresh the template list.",
    ),
    132016: CodeInfo(
        TemplateError,
        "Template disabled",
        "This template was paused too many times for low quality (or was rejected) and can't be "
        "sent any more.",
        "Create a new, improved template and send that one instead.",
    ),
    132018: CodeInfo(
        TemplateError,
        "Template variable refused",
        "A template variable contains a line break, a tab or more than 4 spaces in a row, which "
        "WhatsApp refuses.",
        "Remove the line breaks, tabs and runs of spaces from the variable in the field path.",
    ),
}

# THE table: every code of spec section 11.4. Codes 200-299 are handled in _info_for().
CODES: dict[int, CodeInfo] = {
    0: CodeInfo(
        AuthenticationError,
        "Sign-in expired",
        "The access token could not be authenticated (expired, invalidated or access revoked).",
        _NEW_CREDENTIAL_STEP,
    ),
    190: CodeInfo(
        AuthenticationError,
        "Access token expired",
        "The access token has expired or is no longer valid.",
        _NEW_CREDENTIAL_STEP,
    ),
    3: CodeInfo(
        GraphPermissionError,
        "Missing capability",
        "The token's app lacks the capability or permission this call needs.",
        _PERMISSION_STEP,
    ),
    10: CodeInfo(
        GraphPermissionError,
        "Permission denied",
        "The token lacks permission for this WhatsApp account or number.",
        _PERMISSION_STEP,
    ),
    4: CodeInfo(
        RateLimitError,
        "Too many API calls",
        "The app reached its API call limit.",
        "Wait a while (up to an hour) and try again.",
    ),
    80007: CodeInfo(
        RateLimitError,
        "Account rate limit",
        "The WhatsApp Business Account reached its API call limit.",
        "Wait a while (up to an hour) and try again.",
    ),
    100: CodeInfo(
        InvalidParameterError,
        "Invalid field",
        "The message has an invalid or misspelled field.",
        _FIELD_STEP,
    ),
    131008: CodeInfo(
        InvalidParameterError,
        "Required field missing",
        "A field the message needs is missing.",
        "Add the missing field named in the details and send again.",
    ),
    131009: CodeInfo(
        InvalidParameterError,
        "Field value not accepted",
        "A field value is not accepted (too long, wrong format, or a reaction to a message that "
        "is too old, unknown or deleted).",
        _FIELD_STEP,
    ),
    135000: CodeInfo(
        InvalidParameterError,
        "Generic user error",
        "WhatsApp rejected the message without a specific reason.",
        "Check the message against the validator and the details, then try again.",
    ),
    130429: CodeInfo(
        RateLimitError,
        "Sending too fast",
        "The number reached its message throughput "
        f"({limits.NUMBER_THROUGHPUT_PER_SECOND} messages per second by default).",
        WAIT_STEP,
        retryable=True,
    ),
    131056: CodeInfo(
        PairRateLimitError,
        "Too many messages to this contact",
        "Too many messages were sent to the same contact in a short time.",
        "Wait a moment before messaging this contact again (the app backs off 1, 4, 16 s).",
        retryable=True,
    ),
    131048: CodeInfo(
        AccountError,
        "Restricted for low quality",
        "Sending is restricted because too many recent messages were blocked or flagged as spam.",
        "Check the quality rating in WhatsApp Manager and send fewer unsolicited messages.",
    ),
    131026: CodeInfo(
        RecipientError,
        "Not a WhatsApp number",
        "This number can't receive WhatsApp messages (not on WhatsApp, terms not accepted, or an "
        "outdated app).",
        "Check the number (with + and country code) or reach the customer another way.",
    ),
    131047: CodeInfo(
        WindowClosedError,
        "24-hour window closed",
        "More than 24 hours have passed since the customer last wrote, so only approved templates "
        "can be sent.",
        "Send an approved template message instead; free-form messages work again once the "
        "customer replies.",
    ),
    131030: CodeInfo(
        RecipientError,
        "Recipient not on the allowed list",
        "This is a test number, and test numbers may only message the recipients on their "
        "allowed list.",
        "Add this recipient to the allowed list in the App Dashboard (WhatsApp > API Setup), "
        "then send again.",
    ),
    131051: CodeInfo(
        UnsupportedMessageError,
        "Unsupported message type",
        "This message type isn't supported.",
        "Use another message type (see the composer's type list).",
    ),
    1026: CodeInfo(
        UnsupportedMessageError,
        "Receiver incapable",
        "The customer's WhatsApp can't display this message type (for example an address "
        "message outside India).",
        "Send a simpler message type to this customer.",
    ),
    131052: CodeInfo(
        MediaError,
        "Media download failed",
        "WhatsApp could not download the attached media.",
        "Check that the media link is public and the file type and size are supported.",
    ),
    131053: CodeInfo(
        MediaError,
        "Media upload failed",
        "The attached media could not be processed (often the MIME type doesn't match the file).",
        "Upload the file again with the correct type, within the size limits.",
    ),
    131049: CodeInfo(
        AccountError,
        "Not delivered (marketing limit)",
        "WhatsApp chose not to deliver this marketing message to keep engagement healthy: each "
        "customer gets a limited number of marketing templates, and since 1 April 2025 no "
        "marketing template is delivered to US (+1) numbers.",
        "Wait at least 24 hours before sending this customer another marketing template "
        "(sooner fails again); for a US number use a utility template or another channel.",
    ),
    131050: CodeInfo(
        RecipientError,
        "Customer stopped marketing",
        "The customer asked to stop marketing messages from this business.",
        "Don't send this customer marketing templates until they resume (a user_preferences "
        "webhook says so); utility and authentication templates still reach them.",
    ),
    131021: CodeInfo(
        RecipientError,
        "Recipient is the sender",
        "You can't message your own business number.",
        "Send to a customer's number instead.",
    ),
    131031: CodeInfo(
        AccountError,
        "Account locked",
        "The WhatsApp Business Account is locked (policy or security).",
        "Check Business Support Home / WhatsApp Manager and request a review.",
    ),
    368: CodeInfo(
        AccountError,
        "Temporarily blocked",
        "The account is temporarily restricted for policy violations.",
        "Check WhatsApp Manager for the violation and wait for the restriction to end.",
    ),
    130497: CodeInfo(
        AccountError,
        "Country restricted",
        "This business is restricted from messaging users in that country.",
        "Check the business's messaging restrictions in WhatsApp Manager.",
    ),
    131042: CodeInfo(
        AccountError,
        "Billing problem",
        "There is a payment or eligibility problem on the WhatsApp Business Account.",
        "Fix the payment method in Business Settings > Billing.",
    ),
    131000: CodeInfo(
        ServerError,
        "Something went wrong",
        "WhatsApp hit an unknown error.",
        WAIT_STEP,
        retryable=True,
    ),
    131016: CodeInfo(
        ServerError,
        "Service unavailable",
        "WhatsApp is temporarily unavailable.",
        WAIT_STEP,
        retryable=True,
    ),
    2: CodeInfo(
        ServerError,
        "Temporary downtime",
        "The API is temporarily down or overloaded.",
        WAIT_STEP,
        retryable=True,
    ),
    131057: CodeInfo(
        ServerError,
        "Account in maintenance",
        "The business account is in maintenance (for example a throughput upgrade, up to a "
        "minute).",
        WAIT_STEP,
        retryable=True,
    ),
    **TEMPLATE_CODES,
    133010: CodeInfo(
        AccountError,
        "Number not registered",
        "The sending phone number is not registered with the Cloud API.",
        "Register the number (POST /{phone-number-id}/register) in WhatsApp Manager, then retry.",
    ),
}

_PERMISSION_RANGE = CodeInfo(
    GraphPermissionError,
    "Permission not granted",
    "The permission this call needs was not granted or was removed.",
    _PERMISSION_STEP,
)


def info_for(code: int | None) -> CodeInfo | None:
    if code is None:
        return None
    if code in CODES:
        return CODES[code]
    if 200 <= code <= 299:
        return _PERMISSION_RANGE
    return None
