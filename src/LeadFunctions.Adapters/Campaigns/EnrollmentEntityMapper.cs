using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Adapters.Campaigns;

/// <summary>
/// A lead's campaign enrollments, as JSON in its own row: the one point read a nurture send makes gets the lead and
/// every enrollment, and the lead row's ETag versions them with it. A string property holds at most 32K characters, so
/// a long list goes on in "Enrollments1", "Enrollments2" … (the row's 1 MiB holds some hundreds of enrollments).
/// </summary>
internal static class EnrollmentEntityMapper
{
    private const string Property = "Enrollments";
    private const int MaxParts = 12;

    public static void Write(TableEntity leadRow, IReadOnlyList<Enrollment> enrollments)
    {
        if (enrollments.Count > 0 && !JsonColumns.TryWrite(leadRow, Property, enrollments, MaxParts))
        {
            throw new InvalidOperationException(
                $"Lead {leadRow.PartitionKey} has {enrollments.Count} enrollments, more than its row can hold."
            );
        }
    }

    public static IReadOnlyList<Enrollment> Read(TableEntity leadRow) =>
        JsonColumns.Read<List<Enrollment>>(leadRow, Property) ?? [];
}
