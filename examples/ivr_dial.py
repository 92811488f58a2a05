"""IVR: transfer the caller with <Dial> to two numbers and a SIP phone at once, with
a fallback: the first to answer is bridged; if no one does within ``timeout``
seconds, the call goes on with what follows the Dial (a voicemail prompt and
<Record>). ``action`` is told how the Dial ended."""

from plivoxml_plus import Dial, Number, Record, Response, Speak

dial = Dial("https://example.com/ivr/dial-status", timeout=20, caller_id="+14155550100")
dial.add_number("+14155550123").add(Number("+14155550124", send_digits="wwww1234"))
dial.add_user("sip:agent1@phone.plivo.com")

response = Response().add(dial)
response.add(Speak("No one is available. Please leave a message after the tone."))
response.add(Record("https://example.com/ivr/voicemail", max_length=120, play_beep=True))
print(response.to_string(pretty=True))
