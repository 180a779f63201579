using System.Globalization;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Host.Development;

/// <summary>
/// The mailbox pages (mailbox-list and mailbox-email under Core's Text/Templates): every value HTML-encoded; an
/// email's HTML shown in a sandboxed frame, its scripts never run.
/// </summary>
internal static class MailboxPages
{
    private static readonly HtmlTemplate ListTemplate = new("mailbox-list.liquid", typeof(ListPage), typeof(Row));

    private static readonly HtmlTemplate EmailTemplate = new("mailbox-email.liquid", typeof(EmailPage), typeof(Detail));

    public static string List(IReadOnlyList<MailboxEmail> emails) =>
        ListTemplate.Render(new ListPage([.. emails.Select(e => new Row(Time(e), e.To, e.Id, e.Subject, Kind(e)))]));

    public static string Email(MailboxEmail email) =>
        EmailTemplate.Render(
            new EmailPage(
                email.Subject,
                email.To,
                Time(email),
                [.. email.Headers.Concat(email.CustomArgs).Select(p => new Detail(p.Key, p.Value))],
                email.Html,
                email.Text
            )
        );

    private static string Kind(MailboxEmail email) => email.CustomArgs.GetValueOrDefault("lf_kind", string.Empty);

    private static string Time(MailboxEmail email) => email.ReceivedAt.ToString("u", CultureInfo.InvariantCulture);

    private sealed record ListPage(IReadOnlyList<Row> Emails);

    private sealed record Row(string ReceivedAt, string To, string Id, string Subject, string Kind);

    private sealed record EmailPage(
        string Subject,
        string To,
        string ReceivedAt,
        IReadOnlyList<Detail> Details,
        string Html,
        string Text
    );

    private sealed record Detail(string Key, string Value);
}
