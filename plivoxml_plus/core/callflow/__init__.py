"""The call flow: a call runs its XML element by element (``_call``), and the
venues an element opens on it: ``<Dial>`` (``_dial``), ``<GetDigits>`` and
``<GetInput>`` (``_gathering``), ``<Record>`` (``_recorder``), ``<DTMF>``,
``<Message>`` and ``<Stream>`` (``_signals``); the Application's URL set and
hangup request (``_application``); what the Call API plays into or records of
a live call (``_call_sounds``, ``_call_recording``). It uses the platform (the
requests a call makes) and knows no room: the rooms use it."""
