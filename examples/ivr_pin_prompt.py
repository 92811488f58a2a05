"""IVR: ask for a PIN with <GetDigits>, then put the caller in a conference room.

With ``redirect=False`` the keys pressed are sent to ``action`` (which logs or
checks them) and the call goes on with the next element, the Conference; had
nothing been pressed, the call goes on there too, after the last retry. A helper
(``add_speak``, ``add_wait``) returns the GetDigits it was called on, so the prompt
chains.
"""

from plivoxml_plus import Conference, GetDigits, Response

PIN_HANDLER = "https://example.com/ivr/check-pin"
HOLD_MUSIC = "https://example.com/hold-music.xml"

prompt = GetDigits(PIN_HANDLER, "POST", timeout=10, finish_on_key="#", num_digits=6, retries=2, redirect=False)
prompt.add_speak("Welcome. Please enter your six-digit PIN, then press pound.").add_wait(length=1)

response = Response().add(prompt).add_speak("Thank you. Joining the conference.")
response.add(Conference("team-standup", start_conference_on_enter=False, wait_sound=HOLD_MUSIC))
print(response.to_string(pretty=True))
