"""The platform's side of the contract: what Plivo does towards the app and
what the app does towards Plivo. It knows no call and no room: the REST API
(``rest``) reaches the simulation only through the narrow ``Control``
interface the simulation gives it (docs/testing-apps.md, "Your app's REST calls")."""
