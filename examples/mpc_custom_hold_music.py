"""Seed, "Custom Hold Music": per-role hold music and the music played before the MPC starts.

Each URL must return a <Response> of Play, Speak or Wait elements.
"""

from plivoxml_plus import MultiPartyCall, Response

response = Response().add(
    MultiPartyCall(
        "call-center-mpc",
        "Agent",
        agent_hold_music_url="https://example.com/agent-hold.xml",
        customer_hold_music_url="https://example.com/customer-hold.xml",
        wait_music_url="https://example.com/wait-music.xml",
    )
)
print(response.to_string(pretty=True))
