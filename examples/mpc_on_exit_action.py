"""Seed, "On Exit Action": the call goes on with the XML returned by onExitActionUrl."""

from plivoxml_plus import MultiPartyCall, Response

response = Response().add(
    MultiPartyCall(
        "support-call",
        "Customer",
        on_exit_action_url="https://example.com/post-call-survey/",
        on_exit_action_method="POST",
    )
)
print(response.to_string(pretty=True))
