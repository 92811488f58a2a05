"""Seed, "Status Callback Events": choosing which groups of MPC events are sent.

The seed shows a bare <MultiPartyCall> with no role. Here it is wrapped in the
<Response> a webhook returns, and given a role, because every <MultiPartyCall>
needs one (leaving it out is refused). The rest is the seed's element.
"""

from plivoxml_plus import MultiPartyCall, Response

response = Response().add(
    MultiPartyCall(
        "my-mpc",
        "Agent",  # not in the seed's snippet: role is required
        status_callback_url="https://example.com/mpc-events/",
        # a list, or the comma-separated string the XML carries
        status_callback_events=["mpc-state-changes", "participant-state-changes", "participant-speak-events"],
    )
)
print(response.to_string(pretty=True))
