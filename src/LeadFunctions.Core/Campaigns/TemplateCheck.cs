using Fluid;
using Fluid.Ast;

namespace LeadFunctions.Core.Campaigns;

/// <summary>
/// What is wrong with one Liquid template before it is stored: it does not parse, it names something the
/// renderer does not fill (<see cref="TemplatePlaceholders.Allowed"/>; a typo would otherwise render as empty
/// text in thousands of emails), it includes another file (there are none to include), or it uses the <c>raw</c>
/// filter, which turns off the HTML escaping of what a lead typed into a form.
/// </summary>
public static class TemplateCheck
{
    /// <summary>The problems, each a sentence; empty when the template is fine.</summary>
    public static IReadOnlyList<string> Problems(string template)
    {
        if (!TemplatePlaceholders.Parser.TryParse(template, out var parsed, out var error))
        {
            return [$"The Liquid does not parse: {error}"];
        }

        var names = new NameCollector();
        names.VisitTemplate(parsed);
        var problems = names
            .Used.Where(name =>
                !TemplatePlaceholders.Allowed.Contains(name) && !names.Locals.Contains(name.Split('.')[0])
            )
            .Distinct(StringComparer.Ordinal)
            .Select(name =>
                $"'{name}' is not a placeholder; use one of {string.Join(", ", TemplatePlaceholders.Allowed)}."
            )
            .ToList();
        if (names.Includes)
        {
            problems.Add("Templates cannot include or render other templates.");
        }

        if (names.Raw)
        {
            problems.Add("The 'raw' filter is not allowed: it would put lead data into the email unescaped.");
        }

        return problems;
    }

    /// <summary>
    /// Every variable a template reads, as a dotted name, and the names it defines itself (assign, capture, for),
    /// which it may read freely. An indexer (lead["email"]) is kept as written so it cannot slip past the list.
    /// </summary>
    private sealed class NameCollector : AstVisitor
    {
        public List<string> Used { get; } = [];

        public HashSet<string> Locals { get; } = new(StringComparer.Ordinal);

        public bool Includes { get; private set; }

        public bool Raw { get; private set; }

        /// <summary>Found wherever a filter can stand (output, assign, capture, echo), as parsed, so no spelling of it
        /// slips past.</summary>
        protected override Expression VisitFilterExpression(FilterExpression filterExpression)
        {
            // Fluid looks filters up by exact name today; refusing any case also holds if that ever loosens.
            Raw |= string.Equals(filterExpression.Name, "raw", StringComparison.OrdinalIgnoreCase);
            return base.VisitFilterExpression(filterExpression);
        }

        protected override Expression VisitMemberExpression(MemberExpression memberExpression)
        {
            Used.Add(
                string.Join(
                    '.',
                    memberExpression.Segments.Select(s => s is IdentifierSegment id ? id.Identifier : "[]")
                )
            );
            return base.VisitMemberExpression(memberExpression);
        }

        protected override Statement VisitAssignStatement(AssignStatement assignStatement)
        {
            Locals.Add(assignStatement.Identifier);
            return base.VisitAssignStatement(assignStatement);
        }

        protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
        {
            Locals.Add(captureStatement.Identifier);
            return base.VisitCaptureStatement(captureStatement);
        }

        protected override Statement VisitForStatement(ForStatement forStatement)
        {
            Locals.Add(forStatement.Identifier);
            Locals.Add("forloop");
            return base.VisitForStatement(forStatement);
        }

        protected override Statement VisitIncludeStatement(IncludeStatement includeStatement)
        {
            Includes = true;
            return base.VisitIncludeStatement(includeStatement);
        }

        protected override Statement VisitRenderStatement(RenderStatement renderStatement)
        {
            Includes = true;
            return base.VisitRenderStatement(renderStatement);
        }
    }
}
