using System.Text.Json;
using Azure.Data.Tables;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Adapters.Campaigns;

/// <summary>
/// A lead's campaign enrollments, as JSON in its own row: the one point read a nurture send makes gets the lead and
/// every enrollment, and the lead row's ETag versions them with it. A string property holds at most 32K characters, so
/// a long list goes on in "Enrollments1", "Enrollments2" … (the row's 1 MiB holds some hundreds of enrollments).
/// </summary>
internal static class EnrollmentEntityMapper
{
    private const string Property = "Enrollments";
    private const int ChunkLength = 32_000;
    private const int MaxChunks = 12;

    public static void Write(TableEntity leadRow, IReadOnlyList<Enrollment> enrollments)
    {
        if (enrollments.Count == 0)
        {
            return;
        }

        var json = JsonSerializer.Serialize(enrollments, JsonDefaults.Options);
        var chunks = (json.Length + ChunkLength - 1) / ChunkLength;
        if (chunks > MaxChunks)
        {
            throw new InvalidOperationException(
                $"Lead {leadRow.PartitionKey} has {enrollments.Count} enrollments, more than its row can hold."
            );
        }

        for (var i = 0; i < chunks; i++)
        {
            leadRow[Name(i)] = json.Substring(i * ChunkLength, Math.Min(ChunkLength, json.Length - (i * ChunkLength)));
        }
    }

    public static IReadOnlyList<Enrollment> Read(TableEntity leadRow)
    {
        var json = string.Concat(
            Enumerable.Range(0, MaxChunks).Select(i => leadRow.GetString(Name(i))).TakeWhile(chunk => chunk is not null)
        );
        return json.Length == 0
            ? []
            : JsonSerializer.Deserialize<List<Enrollment>>(json, JsonDefaults.Options)
                ?? throw new InvalidDataException(
                    $"Lead row {leadRow.PartitionKey} holds no enrollments in {Property}."
                );
    }

    private static string Name(int chunk) =>
        chunk == 0 ? Property : Property + chunk.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
