using System.Globalization;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Workspace;

/// <summary>
/// The preview of a kept upload: the encoding and delimiter it is read with and why, which field each column is
/// imported as (each a select, sent again by "Preview again"), the first rows as the import reads them with each
/// row's problems, and the "Import" form carrying exactly the choices shown.
/// </summary>
public static class ImportPreviewPage
{
    private static readonly HtmlTemplate Template = new(
        "workspace-import-preview.liquid",
        typeof(Model),
        typeof(Option),
        typeof(ColumnChoice),
        typeof(Row),
        typeof(Hidden)
    );

    /// <param name="values">The choices as sent (<see cref="ImportChoiceForm"/>), to show them selected.</param>
    /// <param name="choiceErrors">A choice field's error, by field.</param>
    /// <param name="refusal">Why the import itself refused the file, beyond what the preview says, or null.</param>
    public static string Render(
        WorkspaceShell shell,
        string id,
        StagedPreview staged,
        IReadOnlyDictionary<string, string> values,
        IReadOnlyDictionary<string, TextId> choiceErrors,
        string? refusal = null
    )
    {
        var language = shell.Language;
        var file = staged.File;
        string Text(TextId text) => Texts.Get(text, language);
        string Error(string field) => choiceErrors.TryGetValue(field, out var e) ? Text(e) : string.Empty;
        var encoding = ValidOrDetect(values, ImportChoiceForm.EncodingField, choiceErrors);
        var delimiter = ValidOrDetect(values, ImportChoiceForm.DelimiterField, choiceErrors);
        var refusals = file
            .Errors.SelectMany(e => e.Value)
            .Concat(file.Stopped is { } stopped ? [stopped] : [])
            .Concat(refusal is null ? [] : [refusal])
            .Select(message => FieldMessages.In(language, message))
            .ToList();
        var fields = file.Columns.Select(c => c.Field).OfType<string>().Distinct().ToList();
        var path = $"{WorkspacePaths.Imports}/{id}";
        var columns = file
            .Columns.Select(c => new ColumnChoice(
                ImportChoiceForm.ColumnField(c.Index),
                Texts.Format(TextId.ImportsColumnField, language, c.Index + 1, c.Header),
                [
                    new(string.Empty, Text(TextId.ImportsNotImported), c.Field is null),
                    .. file.Fields.Select(f => new Option(f, f, f == c.Field)),
                ]
            ))
            .ToList();
        var body = Template.Render(
            new Model(
                shell.T,
                path,
                WorkspaceShell.TokenField,
                shell.Token,
                Text(ImportUploadForm.LabelOf(staged.Target.Kind)),
                staged.Target.Kind == ImportKind.Leads ? staged.Target.Source : string.Empty,
                [
                    new(string.Empty, Text(TextId.ImportsDetect), encoding.Length == 0),
                    .. ImportChoiceForm.Encodings.Select(e => new Option(e, e, e == encoding)),
                ],
                Texts.Format(TextId.ImportsReadAs, language, file.Encoding.Name, Text(HowDecided(file.Encoding))),
                Error(ImportChoiceForm.EncodingField),
                [
                    new(string.Empty, Text(TextId.ImportsDetect), delimiter.Length == 0),
                    .. Enum.GetValues<CsvDelimiter>()
                        .Select(d => new Option(
                            ImportChoiceForm.ValueOf(d),
                            Text(LabelOf(d)),
                            ImportChoiceForm.ValueOf(d) == delimiter
                        )),
                ],
                Texts.Format(TextId.ImportsDelimiterRead, language, Text(LabelOf(file.Delimiter))),
                Error(ImportChoiceForm.DelimiterField),
                columns,
                refusals,
                fields,
                [.. file.Rows.Select(r => RowOf(r, fields, language))],
                file.ReachedEnd
                    ? string.Empty
                    : Texts.Format(
                        TextId.ImportsMoreRows,
                        language,
                        file.Rows.Count.ToString(CultureInfo.InvariantCulture)
                    ),
                refusals.Count == 0 && choiceErrors.Count == 0,
                [
                    new(ImportChoiceForm.EncodingField, encoding),
                    new(ImportChoiceForm.DelimiterField, delimiter),
                    .. file.Columns.Select(c => new Hidden(
                        ImportChoiceForm.ColumnField(c.Index),
                        c.Field ?? string.Empty
                    )),
                ]
            )
        );
        return WorkspaceLayout.Render(shell, Text(TextId.ImportsPreviewTitle), body);
    }

    /// <summary>The problems of a row or a rejected line, one line each, as the import says them, in the page's
    /// language.</summary>
    internal static IReadOnlyList<string> Problems(IReadOnlyDictionary<string, string[]> errors, string language) =>
        [.. errors.SelectMany(e => e.Value.Select(message => $"{e.Key}: {FieldMessages.In(language, message)}"))];

    private static Row RowOf(PreviewRow row, IReadOnlyList<string> fields, string language) =>
        new(
            row.Line.ToString(CultureInfo.InvariantCulture),
            [.. fields.Select(f => row.Values.GetValueOrDefault(f) ?? string.Empty)],
            Problems(row.Errors, language),
            row.Errors.Count == 0 ? Texts.Get(TextId.ImportsRowFine, language) : string.Empty
        );

    private static string ValidOrDetect(
        IReadOnlyDictionary<string, string> values,
        string field,
        IReadOnlyDictionary<string, TextId> errors
    ) => errors.ContainsKey(field) ? string.Empty : values.GetValueOrDefault(field) ?? string.Empty;

    private static TextId HowDecided(ReadEncoding encoding) =>
        encoding.Source switch
        {
            EncodingSource.Chosen => TextId.ImportsEncodingChosen,
            EncodingSource.ByteOrderMark => TextId.ImportsEncodingBom,
            EncodingSource.Detected => TextId.ImportsEncodingDetected,
            _ => TextId.ImportsEncodingAscii,
        };

    private static TextId LabelOf(CsvDelimiter delimiter) =>
        delimiter switch
        {
            CsvDelimiter.Comma => TextId.ImportsDelimiterComma,
            CsvDelimiter.Semicolon => TextId.ImportsDelimiterSemicolon,
            _ => TextId.ImportsDelimiterTab,
        };

    private sealed record Model(
        IReadOnlyDictionary<string, string> T,
        string Action,
        string TokenField,
        string Token,
        string Kind,
        string Source,
        IReadOnlyList<Option> Encodings,
        string EncodingNote,
        string EncodingError,
        IReadOnlyList<Option> Delimiters,
        string DelimiterNote,
        string DelimiterError,
        IReadOnlyList<ColumnChoice> Columns,
        IReadOnlyList<string> Refusals,
        IReadOnlyList<string> Fields,
        IReadOnlyList<Row> Rows,
        string MoreRows,
        bool CanImport,
        IReadOnlyList<Hidden> Chosen
    );

    private sealed record ColumnChoice(string Name, string Label, IReadOnlyList<Option> Options);

    private sealed record Row(string Line, IReadOnlyList<string> Values, IReadOnlyList<string> Problems, string Fine);

    private sealed record Hidden(string Name, string Value);
}
