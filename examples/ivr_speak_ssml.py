"""IVR: a balance announcement with <Speak> and SSML (an Amazon Polly voice).

Sentences (``add_s``), a number said as a number (``add_say_as``), a pause
(``add_break``), slower speech (Prosody), another language (Lang, written with
``xml:lang``) and plivo-python's text continuation (``add_cont``). Each helper
returns the container it was called on, so the calls chain along the Speak.
"""

from plivoxml_plus import Response, Speak
from plivoxml_plus.elements import Lang, Prosody

speak = Speak(voice="Polly.Joanna", language="en-US")
speak.add_s("Your balance is").add_say_as("42.50", interpret_as="cardinal").add_cont("dollars.")
speak.add_break(time="500ms")
speak.add(Prosody(rate="slow").add_s("Thank you for calling.").add(Lang("Au revoir.", xmllang="fr-FR")))

response = Response().add(speak).add_hangup()
print(response.to_string(pretty=True))
