using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using NSwag;

namespace Plivo.Generated.Testing;

/// <summary>
/// Strict mode (<see cref="PlivoSandboxOptions.Strict"/>, <c>plivo-sandbox --strict</c>): each request is held to its
/// operation in the spec (its path and query parameters by their schemas, no parameter the operation does not take,
/// the body's content type and schema), and each answer to the schema the spec gives its status. The text of a
/// violation names the operation, the place and the rule. An empty body, <c>""</c> or <c>{}</c> on an operation that
/// takes none is let through: Plivo's official SDKs send them, and they carry nothing.
/// </summary>
internal static class SandboxStrict
{
    /// <summary>What is wrong with the request, or null.</summary>
    public static string? CheckRequest(SpecOperation operation, SandboxRequest request, IReadOnlyDictionary<string, string> path, IReadOnlyDictionary<string, string> query)
    {
        var parameters = operation.Definition.ActualParameters.Select(p => p.ActualParameter).ToList();
        foreach (var parameter in parameters.Where(p => p.Kind == OpenApiParameterKind.Path))
        {
            if (path.TryGetValue(parameter.Name, out var value) && Violation(parameter.ActualSchema, value) is { } problem)
            {
                return $"{operation.Id}: path parameter '{parameter.Name}' ('{value}') {problem}";
            }
        }

        var declared = parameters.Where(p => p.Kind == OpenApiParameterKind.Query).ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var pair in query)
        {
            if (!declared.TryGetValue(pair.Key, out var parameter))
            {
                var takes = declared.Count == 0 ? "takes no query parameters" : "takes " + string.Join(", ", declared.Keys);
                return $"{operation.Id}: unknown query parameter '{pair.Key}' ({operation.Id} {takes})";
            }

            if (Violation(parameter.ActualSchema, pair.Value) is { } problem)
            {
                return $"{operation.Id}: query parameter '{pair.Key}' ('{pair.Value}') {problem}";
            }
        }

        if (declared.Values.FirstOrDefault(p => p.IsRequired && !query.ContainsKey(p.Name)) is { } missing)
        {
            return $"{operation.Id}: the required query parameter '{missing.Name}' is missing";
        }

        return CheckBody(operation, request);
    }

    /// <summary>What is wrong with the answer, or null.</summary>
    public static string? CheckAnswer(SpecOperation operation, SandboxAnswer answer)
    {
        var status = answer.StatusCode.ToString(CultureInfo.InvariantCulture);
        var responses = operation.Definition.ActualResponses;
        if (!responses.TryGetValue(status, out var response))
        {
            if (answer.StatusCode is >= 200 and < 300 || !responses.TryGetValue("default", out response))
            {
                return $"{operation.Id}: the spec gives no answer {status} (it gives {string.Join(", ", responses.Keys)})";
            }
        }

        var content = response.ActualResponse.Content;
        if (content.Count == 0)
        {
            return string.IsNullOrEmpty(answer.Json) || answer.StatusCode == 204 ? null : $"{operation.Id}: answer {status} has a body, where the spec gives it none";
        }

        if (!content.TryGetValue(MediaType(answer.ContentType), out var media))
        {
            return $"{operation.Id}: answer {status} is {answer.ContentType}, where the spec gives {string.Join(", ", content.Keys)}";
        }

        if (media.Schema is null)
        {
            return null;
        }

        JToken json;
        try
        {
            json = SandboxJson.Parse(answer.Json);
        }
        catch (JsonReaderException e)
        {
            return $"{operation.Id}: answer {status} is not JSON ({e.Message})";
        }

        return FirstError(media.Schema.ActualSchema, json) is { } error ? $"{operation.Id}: answer {status} breaks the spec's schema at {error}" : null;
    }

    private static string? CheckBody(SpecOperation operation, SandboxRequest request)
    {
        var text = request.Body?.Trim();
        var empty = string.IsNullOrEmpty(text) || text is "\"\"" or "{}" or "null";
        var body = operation.Definition.ActualRequestBody;
        if (body is null)
        {
            return empty ? null : $"{operation.Id}: takes no body, but one came ({Shorten(text!)})";
        }

        if (string.IsNullOrEmpty(text))
        {
            return body.IsRequired ? $"{operation.Id}: the body is required" : null;
        }

        request.Headers.TryGetValue("Content-Type", out var contentType);
        var media = MediaType(contentType);
        if (!body.Content.TryGetValue(media, out var content))
        {
            return $"{operation.Id}: the body's Content-Type is '{contentType ?? "(none)"}', where the spec takes {string.Join(", ", body.Content.Keys)}";
        }

        JToken json;
        try
        {
            json = SandboxJson.Parse(text!);
        }
        catch (JsonReaderException e)
        {
            return $"{operation.Id}: the body is not JSON ({e.Message})";
        }

        return content.Schema is { } schema && FirstError(schema.ActualSchema, json) is { } error ? $"{operation.Id}: the body breaks the spec's schema at {error}" : null;
    }

    // A parameter's text as the JSON value its schema expects, then the schema's verdict.
    private static string? Violation(JsonSchema schema, string text)
    {
        var actual = schema.ActualSchema;
        JToken value;
        if (actual.Type.HasFlag(JsonObjectType.Integer))
        {
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                return "must be an integer";
            }

            value = number;
        }
        else if (actual.Type.HasFlag(JsonObjectType.Boolean))
        {
            if (text is not ("true" or "false"))
            {
                return "must be true or false";
            }

            value = text == "true";
        }
        else
        {
            value = text;
        }

        return FirstError(actual, value) is { } error ? "breaks the spec's schema: " + error : null;
    }

    private static string? FirstError(JsonSchema schema, JToken json)
    {
        var error = schema.Validate(json, SchemaType.OpenApi3).FirstOrDefault();
        while (error is ChildSchemaValidationError child && child.Errors.Values.FirstOrDefault(e => e.Count > 0) is { } inner)
        {
            error = inner.First();
        }

        if (error is null)
        {
            return null;
        }

        var at = (error.Path ?? string.Empty).TrimStart('#', '/');
        var where = at.Length == 0 ? "$" : "$." + at;
        var rule = error.Kind switch
        {
            ValidationErrorKind.PatternMismatch => $"pattern {error.Schema?.Pattern}",
            ValidationErrorKind.NotInEnumeration => $"enum [{string.Join(", ", error.Schema?.ActualSchema.Enumeration ?? new List<object?>())}]",
            ValidationErrorKind.NumberTooBig => $"maximum {error.Schema?.Maximum}",
            ValidationErrorKind.NumberTooSmall => $"minimum {error.Schema?.Minimum}",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"additionalProperties: false ('{error.Property}')",
            ValidationErrorKind.PropertyRequired => $"required ('{error.Property}')",
            _ => error.Kind.ToString(),
        };
        return $"{where}: {rule}";
    }

    private static string MediaType(string? contentType) =>
        (contentType ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();

    private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 60) + "...";
}
