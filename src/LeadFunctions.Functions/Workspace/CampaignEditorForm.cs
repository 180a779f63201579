using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;
using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>
/// The campaign editor's two sides, shared by a new campaign's and an existing one's: showing the form, and taking
/// it back, where a button other than save changes the form and shows it again (nothing saved), and save goes
/// through the API's <see cref="CampaignEditor"/> (the same validator, the same rules for a running campaign).
/// </summary>
public sealed class CampaignEditorForm(CampaignEditor editor, ICampaignStore store, ICampaignStats stats)
{
    public async Task<IResult> ShowAsync(
        WorkspaceShell shell,
        CampaignForm form,
        CancellationToken cancellationToken
    ) =>
        WorkspacePageResult.Ok(
            CampaignEditorPage.Render(shell, form, NoErrors, await EnrolledAsync(form, cancellationToken), null)
        );

    public async Task<IResult> SubmitAsync(
        WorkspaceVisit visit,
        HttpRequest request,
        string? campaignId,
        CancellationToken cancellationToken
    )
    {
        var posted = await request.ReadFormAsync(cancellationToken);
        var form = CampaignForm.Read(
            posted.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)[.. f.Value.Select(v => v ?? string.Empty)])
        );
        form = campaignId is null ? form with { IsNew = true } : form with { Id = campaignId, IsNew = false };
        var operation = posted["op"].FirstOrDefault();
        if (operation != "save")
        {
            return await ShowAsync(visit.Shell, form.Apply(operation), cancellationToken);
        }

        var (definition, errors) = form.ToDefinition(visit.Shell.Language);
        if (definition is not null && form.IsNew && await store.GetAsync(form.Id, cancellationToken) is not null)
        {
            errors = new Dictionary<string, string[]>
            {
                ["id"] = [Texts.Get(TextId.EditorIdTaken, visit.Shell.Language)],
            };
        }

        if (definition is null || errors.Count > 0)
        {
            return await AgainAsync(
                visit.Shell,
                form,
                errors,
                null,
                StatusCodes.Status400BadRequest,
                cancellationToken
            );
        }

        var edit = new CampaignEdit(form.Id, definition, null, posted["confirm"].FirstOrDefault(), null);
        var saved = await editor.SaveAsync(edit, cancellationToken);
        return saved.Outcome switch
        {
            CampaignSaveOutcome.Invalid => await AgainAsync(
                visit.Shell,
                form,
                saved.Errors!,
                null,
                StatusCodes.Status400BadRequest,
                cancellationToken
            ),
            CampaignSaveOutcome.RenamedSentStep => await AgainAsync(
                visit.Shell,
                form,
                NoErrors,
                saved.Reason,
                StatusCodes.Status409Conflict,
                cancellationToken
            ),

            // The editor keeps a campaign's switch as it was, so held sends are never in question here; said anyway.
            CampaignSaveOutcome.MissedSendsUnsaid => await AgainAsync(
                visit.Shell,
                form,
                new Dictionary<string, string[]> { ["active"] = [saved.Reason ?? string.Empty] },
                null,
                StatusCodes.Status409Conflict,
                cancellationToken
            ),
            _ => new SeeOtherResult(new Uri($"{WorkspacePaths.Campaign(form.Id)}?done=saved", UriKind.Relative)),
        };
    }

    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private async Task<IResult> AgainAsync(
        WorkspaceShell shell,
        CampaignForm form,
        IReadOnlyDictionary<string, string[]> errors,
        string? renamedStep,
        int status,
        CancellationToken cancellationToken
    ) =>
        WorkspacePageResult.Status(
            status,
            CampaignEditorPage.Render(shell, form, errors, await EnrolledAsync(form, cancellationToken), renamedStep)
        );

    /// <summary>How many have entered a running campaign, for the editor to say what a save changes for them.</summary>
    private async Task<long?> EnrolledAsync(CampaignForm form, CancellationToken cancellationToken) =>
        form is { IsNew: false, Active: true }
            ? (await stats.ReadAsync(form.Id, cancellationToken)).Totals.GetValueOrDefault(CampaignMetric.Enrolled)
            : null;
}
