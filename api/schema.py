"""drf-spectacular's schema, with the errors every API operation may answer (api.errors)."""

from drf_spectacular import openapi

from .serializers import ErrorSerializer

ERRORS = {
    "400": "A parameter is not valid (the error names it).",
    "404": "No such item, or not live.",
    "429": "Too many uncached requests from this address: see Retry-After.",
}


class AutoSchema(openapi.AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code, description in ERRORS.items():
            response = self._get_response_for_code(ErrorSerializer, code, direction=direction)
            response["description"] = description
            responses.setdefault(code, response)
        return responses
