"""Post-processing of the OpenAPI schema, so that it says what the API does."""

from typing import Any


def allow_empty_query_values(result: dict[str, Any], **kwargs) -> dict[str, Any]:
    """Declare every query parameter `allowEmptyValue`: the API reads `x=` as "x not
    given", as an HTML form sends it, and clients may rely on that."""
    for item in result.get("paths", {}).values():
        for operation in item.values():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "query":
                    parameter["allowEmptyValue"] = True
    return result
