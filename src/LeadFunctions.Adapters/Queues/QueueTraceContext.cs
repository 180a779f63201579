using System.Diagnostics;
using System.Text;
using System.Text.Json;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Adapters.Queues;

/// <summary>
/// Carries W3C trace context inside a queue message, so that one lead's journey (HTTP → queue → function
/// → queue …) is one trace. A queue message has no headers, so the context rides as two extra top-level
/// fields of the JSON object, "traceparent" and "tracestate": readers that bind the message to a type
/// ignore fields they do not know, and a message without them (from an outside system) starts a new trace.
/// </summary>
public static class QueueTraceContext
{
    public const string TraceParentField = "traceparent";
    public const string TraceStateField = "tracestate";

    /// <summary>The message as JSON, with the context of <paramref name="activity"/> appended when there is
    /// one.</summary>
    public static BinaryData Serialize<T>(T message, Activity? activity)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(message, JsonDefaults.Options);
        if (
            activity is not { IdFormat: ActivityIdFormat.W3C, Id: { } traceParent }
            || json is not [(byte)'{', .., (byte)'}']
        )
        {
            return new BinaryData(json);
        }

        // Spliced before the closing brace instead of re-serializing through a JSON DOM: a copy, not a parse.
        var fields = new StringBuilder(json.Length > 2 ? "," : string.Empty)
            .Append('"')
            .Append(TraceParentField)
            .Append("\":")
            .Append(JsonSerializer.Serialize(traceParent, JsonDefaults.Options));
        if (!string.IsNullOrEmpty(activity.TraceStateString))
        {
            fields
                .Append(",\"")
                .Append(TraceStateField)
                .Append("\":")
                .Append(JsonSerializer.Serialize(activity.TraceStateString, JsonDefaults.Options));
        }

        var tail = Encoding.UTF8.GetBytes(fields.Append('}').ToString());
        var body = new byte[json.Length - 1 + tail.Length];
        json.AsSpan(0, json.Length - 1).CopyTo(body);
        tail.CopyTo(body.AsSpan(json.Length - 1));
        return new BinaryData(body);
    }

    /// <summary>The remote parent a message carries; default (no parent) when it carries none or it does not
    /// parse.</summary>
    public static ActivityContext Read(BinaryData body)
    {
        string? traceParent = null;
        string? traceState = null;
        try
        {
            var reader = new Utf8JsonReader(body.ToMemory().Span);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return default;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isParent = reader.ValueTextEquals(TraceParentField);
                var isState = reader.ValueTextEquals(TraceStateField);
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && isParent)
                {
                    traceParent = reader.GetString();
                }
                else if (reader.TokenType == JsonTokenType.String && isState)
                {
                    traceState = reader.GetString();
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON: the function fails on it as it would have; the trace just starts here.
            return default;
        }

        return Parent(traceParent, traceState);
    }

    /// <summary>
    /// The remote parent the two fields name, as a message or a trigger's binding data (which may keep a string's
    /// JSON quotes) gives them; default (no parent) when they name none or do not parse.
    /// </summary>
    public static ActivityContext Parent(string? traceParent, string? traceState) =>
        traceParent?.Trim('"') is { Length: > 0 } parent
        && ActivityContext.TryParse(parent, traceState?.Trim('"'), isRemote: true, out var context)
            ? context
            : default;
}
