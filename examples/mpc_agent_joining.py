"""Seed, "Supervisor Coach Mode", agent joining: the agent starts the MPC."""

from plivoxml_plus import MultiPartyCall, Response

response = Response().add(MultiPartyCall("support-call-123", "Agent", start_mpc_on_enter=True))
print(response.to_string(pretty=True))
