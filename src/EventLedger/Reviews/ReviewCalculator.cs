using System.Globalization;
using EventLedger.Common;
using EventLedger.Financing;
using EventLedger.Programmes;
using EventLedger.Projects;
using NodaTime;

namespace EventLedger.Reviews;

/// <summary>What a review is computed from: the programme, every project's facts and the financing facts, and the cut.</summary>
public sealed record ReviewInput(
    string Commune,
    Programme Programme,
    int Year,
    Instant KnownAt,
    long? ThroughSequence,
    IReadOnlyList<IReadOnlyList<TimelineEntry>> Projects,
    FinancingLedger Financing);

/// <summary>
/// The review of a year as DOMAIN.md defines it, computed from facts alone (a pure function: no clock, no database).
/// Nothing here assumes a commune, a number of orientations or a year.
/// </summary>
public static class ReviewCalculator
{
    /// <summary>How many projects in preparation the review lists by estimated cost (the seed's section 2-5 matrix).</summary>
    public const int TopInPreparation = 16;

    private static readonly BilingualText Total = new("المجموع", "Total");

    /// <summary>The projects in the programme on 31 December of the input's year, as known at the input's cut.</summary>
    public static List<ProjectState> States(ReviewInput input) => input.Projects
        .Select(entries => ProjectTimeline.StateAt(entries, new LocalDate(input.Year, 12, 31), input.KnownAt, input.ThroughSequence))
        .OfType<ProjectState>()
        .Where(s => s.IsInProgramme)
        .OrderBy(s => s.Code.Value, StringComparer.Ordinal)
        .ToList();

    /// <summary>
    /// The projects a figure counts or sums, with what each contributes: how a reconciliation explains a mismatch.
    /// Empty for figures that are not made of projects (financing, percentages).
    /// </summary>
    public static IReadOnlyList<(ProjectState Project, decimal Contribution)> Contributors(IEnumerable<ProjectState> states, string metric, Programme programme,
        int? orientation, string? nature)
    {
        var code = orientation is { } o ? programme.Orientations.FirstOrDefault(x => x.Number == o)?.Code : null;
        var chosen = states.Where(s => (code is null || s.Orientation == code) && (nature is null || s.Nature == nature));
        var first = programme.Phases.OrderBy(p => p.FirstYear).FirstOrDefault();
        Func<ProjectState, bool>? holds = metric.Split('.')[0] switch
        {
            "programme" => s => s.Parent is null,
            "completed" => s => s.Parent is null && s.Status == ProjectStatus.Completed,
            "inProgress" => s => s.Parent is null && s.Status == ProjectStatus.Launched,
            "started" => s => s.Parent is null && s.IsStarted,
            "subprojects" => s => s.Parent is not null && s.IsStarted,
            "startedWithSubprojects" => s => s.IsStarted,
            "inPreparation" when metric.StartsWith("inPreparation.phase1.", StringComparison.Ordinal) =>
                s => s.Parent is null && s.Status == ProjectStatus.InPreparation && first is not null && s.Year >= first.FirstYear && s.Year <= first.LastYear,
            "inPreparation" => s => s.Parent is null && s.Status == ProjectStatus.InPreparation,
            _ => null,
        };
        if (holds is null || metric.EndsWith(".percent", StringComparison.Ordinal) || metric.Contains("percentOf", StringComparison.Ordinal)) return [];
        Func<ProjectState, decimal> value = metric.EndsWith(".count", StringComparison.Ordinal) ? _ => 1m
            : metric == "programme.cost" ? s => s.ProgrammedCost.Dirhams
            : metric.EndsWith("estimatedCost", StringComparison.Ordinal) ? s => (s.EstimatedCost ?? Money.Zero).Dirhams
            : s => (s.RealCost ?? Money.Zero).Dirhams;
        return chosen.Where(holds).Select(s => (s, value(s))).OrderByDescending(x => x.Item2).ThenBy(x => x.s.Code.Value, StringComparer.Ordinal).ToList();
    }

    public static ReviewContent Compute(ReviewInput input)
    {
        var programme = input.Programme;
        var asOf = new LocalDate(input.Year, 12, 31);
        var states = States(input);
        var projects = states.Where(s => s.Parent is null).ToList();
        var subProjects = states.Where(s => s.Parent is not null).ToList();
        var financing = input.Financing.StateAt(asOf, input.KnownAt, input.ThroughSequence);

        var tables = new List<ReviewTable>
        {
            Programme(projects),
            ByNumber(projects),
            ByCost(projects),
            ByOrientation(programme, projects, Units.MadMillion),
            ByOrientation(programme, projects, Units.Projects),
            ByNature(programme, projects, subProjects),
            InPreparation(programme, projects),
            TopInPreparationTable(programme, projects),
            Mobilised(financing),
            PlannedAgainstMobilised(financing),
            Partnerships(financing),
            NotDerivableTable(),
        };

        var reconstructed = states.Count(s => s.Reconstructed);
        var note = reconstructed == 0 ? null
            : $"{reconstructed} of the {states.Count} projects in this review are reconstructed from published totals, not recorded from the commune's files: their figures add up to what was published, but they are not real projects.";
        return new ReviewContent(input.Commune, programme.Id, programme.Name, input.Year, asOf, input.KnownAt, input.ThroughSequence,
            new ReconstructionNote(reconstructed, states.Count - reconstructed, note), tables);
    }

    // ---- figures ----------------------------------------------------------------------------------------------

    private static ReviewCell Count(string metric, int count, string unit = Units.Projects, int? orientation = null, string? nature = null) =>
        new(metric, orientation, nature, unit, count, count, unit);

    private static ReviewCell Amount(string metric, Money amount, int? orientation = null, string? nature = null) =>
        new(metric, orientation, nature, Units.Mad, Exact(amount.Dirhams, 2), amount.ToMillions(), Units.MadMillion);

    private static ReviewCell Percent(string metric, decimal numerator, decimal denominator, string whenZero, int? orientation = null, string? nature = null)
    {
        if (denominator == 0m) return new ReviewCell(metric, orientation, nature, Units.Percent, null, null, null, NotDerivable: whenZero);
        var value = numerator / denominator * 100m;
        return new ReviewCell(metric, orientation, nature, Units.Percent, Exact(value, 10),
            decimal.Round(value, 2, MidpointRounding.AwayFromZero), Units.Percent);
    }

    private static ReviewCell Text(string metric, string text) => new(metric, null, null, Units.Text, null, null, null, text);

    private static ReviewCell NotDerivable(string metric, string unit, string reason) => new(metric, null, null, unit, null, null, null, NotDerivable: reason);

    /// <summary>A fixed number of decimals, so that equal values have equal canonical text whatever their arithmetic history.</summary>
    private static decimal Exact(decimal value, int decimals) =>
        decimal.Parse(decimal.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static Money Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Money.Zero, (a, b) => a + b);

    private static Money RealCost(IEnumerable<ProjectState> projects) => Sum(projects.Select(p => p.RealCost ?? Money.Zero));

    private static ReviewRow Row(string key, BilingualText label, params ReviewCell?[] cells) => new(key, label, cells);

    private static readonly ReviewColumn ValueColumn = new("value", new BilingualText("القيمة", "Valeur"));

    // ---- sections ---------------------------------------------------------------------------------------------

    private static ReviewTable Programme(List<ProjectState> projects) =>
        new("1", "1", new("تذكير بالبرنامج", "Rappel du programme"), [ValueColumn],
        [
            Row("programme.projects.count", Labels.Programmed, Count("programme.projects.count", projects.Count)),
            Row("programme.cost", Labels.ProgrammedCost, Amount("programme.cost", Sum(projects.Select(p => p.ProgrammedCost)))),
        ]);

    private static ReviewTable ByNumber(List<ProjectState> projects)
    {
        var started = projects.Count(p => p.IsStarted);
        return new("2-1", "2-1", new("التقييم حسب عدد المشاريع", "Évaluation par nombre de projets"), [ValueColumn],
        [
            Row("programme.projects.count", Labels.Programmed, Count("programme.projects.count", projects.Count)),
            Row("completed.count", Labels.Completed, Count("completed.count", projects.Count(p => p.Status == ProjectStatus.Completed))),
            Row("inProgress.count", Labels.InProgress, Count("inProgress.count", projects.Count(p => p.Status == ProjectStatus.Launched))),
            Row("started.count", Labels.Started, Count("started.count", started)),
            Row("progress.count.percent", Labels.ProgressByCount,
                Percent("progress.count.percent", started, projects.Count, "the programme holds no project on this date")),
        ]);
    }

    private static ReviewTable ByCost(List<ProjectState> projects)
    {
        var programmed = Sum(projects.Select(p => p.ProgrammedCost));
        var real = RealCost(projects.Where(p => p.IsStarted));
        return new("2-2", "2-2", new("التقييم حسب التكلفة", "Évaluation par coût"), [ValueColumn],
        [
            Row("programme.cost", Labels.ProgrammedCost, Amount("programme.cost", programmed)),
            Row("completed.realCost", Labels.Completed, Amount("completed.realCost", RealCost(projects.Where(p => p.Status == ProjectStatus.Completed)))),
            Row("inProgress.realCost", Labels.InProgress, Amount("inProgress.realCost", RealCost(projects.Where(p => p.Status == ProjectStatus.Launched)))),
            Row("started.realCost", Labels.Started, Amount("started.realCost", real)),
            Row("progress.cost.percent", Labels.ProgressByCost,
                Percent("progress.cost.percent", real.Dirhams, programmed.Dirhams, "the programme holds no programmed cost on this date")),
        ]);
    }

    private static ReviewTable ByOrientation(Programme programme, List<ProjectState> projects, string unit)
    {
        var cost = unit == Units.MadMillion;
        var orientations = programme.Orientations.OrderBy(o => o.Number).ToList();
        var columns = orientations.Select(o => new ReviewColumn(o.Number.ToString(CultureInfo.InvariantCulture), new BilingualText(o.Ar, o.Fr)))
            .Append(new ReviewColumn("total", Total)).ToList();

        ReviewRow Line(string status, BilingualText label, Func<ProjectState, bool> holds)
        {
            var metric = status + (cost ? ".realCost" : ".count");
            var cells = orientations.Select(o =>
            {
                var those = projects.Where(p => p.Orientation == o.Code && holds(p)).ToList();
                return cost ? Amount(metric, RealCost(those), o.Number) : Count(metric, those.Count, orientation: o.Number);
            }).ToList();
            var all = projects.Where(holds).ToList();
            cells.Add(cost ? Amount(metric, RealCost(all)) : Count(metric, all.Count));
            return new ReviewRow(metric, label, cells);
        }

        ReviewRow Programmed()
        {
            var metric = cost ? "programme.cost" : "programme.projects.count";
            var cells = orientations.Select(o =>
            {
                var those = projects.Where(p => p.Orientation == o.Code).ToList();
                return cost ? Amount(metric, Sum(those.Select(p => p.ProgrammedCost)), o.Number) : Count(metric, those.Count, orientation: o.Number);
            }).ToList();
            cells.Add(cost ? Amount(metric, Sum(projects.Select(p => p.ProgrammedCost))) : Count(metric, projects.Count));
            return new ReviewRow(metric, cost ? Labels.ProgrammedCost : Labels.Programmed, cells);
        }

        ReviewRow Progress()
        {
            var metric = cost ? "progress.cost.percent" : "progress.count.percent";
            var cells = orientations.Select(o => Progressed(projects.Where(p => p.Orientation == o.Code).ToList(), o.Number)).ToList();
            cells.Add(Progressed(projects, null));
            return new ReviewRow(metric, cost ? Labels.ProgressByCost : Labels.ProgressByCount, cells);

            ReviewCell Progressed(List<ProjectState> those, int? orientation) => cost
                ? Percent(metric, RealCost(those.Where(p => p.IsStarted)).Dirhams, Sum(those.Select(p => p.ProgrammedCost)).Dirhams, "no programmed cost in this orientation on this date", orientation)
                : Percent(metric, those.Count(p => p.IsStarted), those.Count, "no project in this orientation on this date", orientation);
        }

        return new ReviewTable(cost ? "2-3-cost" : "2-3-count", "2-3",
            cost ? new("التقييم حسب التوجهات الاستراتيجية: التكلفة الحقيقية (مليون درهم)", "Par orientation stratégique : coût réel (MDH)")
                 : new("التقييم حسب التوجهات الاستراتيجية: عدد المشاريع", "Par orientation stratégique : nombre de projets"),
            columns,
            [
                Line("completed", Labels.Completed, p => p.Status == ProjectStatus.Completed),
                Line("inProgress", Labels.InProgress, p => p.Status == ProjectStatus.Launched),
                Line("started", Labels.Started, p => p.IsStarted),
                Programmed(),
                Progress(),
            ]);
    }

    private static ReviewTable ByNature(Programme programme, List<ProjectState> projects, List<ProjectState> subProjects)
    {
        var columns = programme.Natures.Select(n => new ReviewColumn(n.Code, new BilingualText(n.Ar, n.Fr))).Append(new ReviewColumn("total", Total)).ToList();

        ReviewRow Line(string metric, BilingualText label, string unit, Func<string?, int> count) =>
            new(metric, label, programme.Natures.Select(n => Count(metric, count(n.Code), unit, nature: n.Code)).Append(Count(metric, count(null), unit)).ToList());

        int Of(IEnumerable<ProjectState> those, string? nature) => those.Count(p => nature is null || p.Nature == nature);

        return new ReviewTable("2-4", "2-4", new("التقييم حسب طبيعة المشاريع", "Par nature de projet"), columns,
        [
            Line("programme.projects.count", Labels.Programmed, Units.Projects, n => Of(projects, n)),
            Line("started.count", Labels.Started, Units.Projects, n => Of(projects.Where(p => p.IsStarted), n)),
            Line("subprojects.started.count", new("المشاريع الفرعية المنتهية أو في طور الإنجاز", "Sous-projets achevés ou en cours"), Units.SubProjects,
                n => Of(subProjects.Where(p => p.IsStarted), n)),
            Line("startedWithSubprojects.count", new("المجموع بما فيه المشاريع الفرعية", "Total, sous-projets compris"), Units.ProjectsAndSubProjects,
                n => Of(projects.Where(p => p.IsStarted), n) + Of(subProjects.Where(p => p.IsStarted), n)),
        ]);
    }

    private static ReviewTable InPreparation(Programme programme, List<ProjectState> projects)
    {
        var preparing = projects.Where(p => p.Status == ProjectStatus.InPreparation).ToList();
        var rows = new List<ReviewRow>
        {
            Row("inPreparation.count", Labels.InPreparation, Count("inPreparation.count", preparing.Count)),
            Row("inPreparation.estimatedCost", Labels.EstimatedCost, Amount("inPreparation.estimatedCost", Sum(preparing.Select(p => p.EstimatedCost ?? Money.Zero)))),
            Row("inPreparation.percentOfProgrammeCount", Labels.ShareOfProgrammed,
                Percent("inPreparation.percentOfProgrammeCount", preparing.Count, projects.Count, "the programme holds no project on this date")),
        };
        var first = programme.Phases.OrderBy(p => p.FirstYear).FirstOrDefault();
        if (first is null)
        {
            const string reason = "the programme defines no phases, so no first phase";
            rows.Add(Row("inPreparation.phase1.count", Labels.InPreparationFirstPhase, NotDerivable("inPreparation.phase1.count", Units.Projects, reason)));
            rows.Add(Row("inPreparation.phase1.estimatedCost", Labels.EstimatedCostFirstPhase, NotDerivable("inPreparation.phase1.estimatedCost", Units.Mad, reason)));
            rows.Add(Row("inPreparation.phase1.percentOfProgrammeCount", Labels.ShareOfProgrammed, NotDerivable("inPreparation.phase1.percentOfProgrammeCount", Units.Percent, reason)));
        }
        else
        {
            var phase1 = preparing.Where(p => p.Year >= first.FirstYear && p.Year <= first.LastYear).ToList();
            rows.Add(Row("inPreparation.phase1.count", Labels.InPreparationFirstPhase, Count("inPreparation.phase1.count", phase1.Count)));
            rows.Add(Row("inPreparation.phase1.estimatedCost", Labels.EstimatedCostFirstPhase, Amount("inPreparation.phase1.estimatedCost", Sum(phase1.Select(p => p.EstimatedCost ?? Money.Zero)))));
            rows.Add(Row("inPreparation.phase1.percentOfProgrammeCount", Labels.ShareOfProgrammed,
                Percent("inPreparation.phase1.percentOfProgrammeCount", phase1.Count, projects.Count, "the programme holds no project on this date")));
        }
        return new ReviewTable("2-5", "2-5", new("المشاريع في طور الإعداد", "Projets en préparation"), [ValueColumn], rows);
    }

    private static ReviewTable TopInPreparationTable(Programme programme, List<ProjectState> projects)
    {
        var top = projects.Where(p => p.Status == ProjectStatus.InPreparation)
            .OrderByDescending(p => (p.EstimatedCost ?? Money.Zero).Dirhams).ThenBy(p => p.Code.Value, StringComparer.Ordinal)
            .Take(TopInPreparation).ToList();
        BilingualText District(string code) => programme.Districts.FirstOrDefault(d => d.Code == code) is { } d ? new BilingualText(d.Ar, d.Fr) : new BilingualText(code, code);
        var columns = new List<ReviewColumn>
        {
            new("code", new("الرمز", "Code")),
            new("title", new("المشروع", "Projet")),
            new("district", new("الموقع", "Lieu")),
            new("year", new("السنة", "Année")),
            new("owner", new("صاحب المشروع", "Maître d'ouvrage")),
            new("delegatedOwner", new("صاحب المشروع المنتدب", "Maître d'ouvrage délégué")),
            new("reconstructed", new("معاد تركيبه", "Reconstitué")),
            new("estimatedCost", new("التكلفة التقديرية (مليون درهم)", "Coût estimatif (MDH)")),
        };
        var rows = top.Select(p => new ReviewRow(p.Code.Value, p.Title,
        [
            Text("project.code", p.Code.Value),
            Text("project.title", p.Title.Fr),
            Text("project.district", District(p.District).Fr),
            Text("project.year", p.Year.ToString()),
            Text("project.owner", p.Owner),
            Text("project.delegatedOwner", p.DelegatedOwner ?? ""),
            Text("project.reconstructed", p.Reconstructed ? "yes" : "no"),
            Amount("project.estimatedCost", p.EstimatedCost ?? Money.Zero),
        ])).ToList();
        rows.Add(new ReviewRow("topInPreparation.estimatedCost", Total,
            [.. Enumerable.Repeat<ReviewCell?>(null, columns.Count - 1), Amount("topInPreparation.estimatedCost", Sum(top.Select(p => p.EstimatedCost ?? Money.Zero)))]));
        return new ReviewTable("2-5-top", "2-5",
            new($"أهم {TopInPreparation} مشروعا في طور الإعداد حسب التكلفة التقديرية", $"Les {TopInPreparation} principaux projets en préparation, par coût estimatif"),
            columns, rows);
    }

    private static ReviewTable Mobilised(FinancingState financing)
    {
        var own = financing.Mobilised(FundingSource.OwnResources);
        var partners = financing.Mobilised(FundingSource.Partnerships);
        var total = own + partners;
        const string none = "no funds are recorded as mobilised by this date";
        return new ReviewTable("3-1", "3-1", new("التمويل المعبأ", "Financement mobilisé"), [ValueColumn],
        [
            Row("financing.mobilized.total", new("مجموع التمويل المعبأ", "Total mobilisé"), Amount("financing.mobilized.total", total)),
            Row("financing.mobilized.ownResources", FinancingNames.Label(FundingSource.OwnResources), Amount("financing.mobilized.ownResources", own)),
            Row("financing.mobilized.partnerships", FinancingNames.Label(FundingSource.Partnerships), Amount("financing.mobilized.partnerships", partners)),
            Row("financing.share.ownResources.percent", new("حصة الموارد الذاتية", "Part des ressources propres"),
                Percent("financing.share.ownResources.percent", own.Dirhams, total.Dirhams, none)),
            Row("financing.share.partnerships.percent", new("حصة الشراكات والمنح", "Part des partenariats et dons"),
                Percent("financing.share.partnerships.percent", partners.Dirhams, total.Dirhams, none)),
        ]);
    }

    private static ReviewTable PlannedAgainstMobilised(FinancingState financing)
    {
        var rows = financing.Plans.OrderBy(p => p.FirstYear).Select(p =>
            Row($"financing.planned.{p.Plan}", new($"التمويل المقدر {p.Plan}", $"Financement prévu {p.Plan}"), Amount($"financing.planned.{p.Plan}", p.Amount))).ToList();
        var plans = financing.Plans.Select(p => p.Plan).ToHashSet();
        var planned = Sum(financing.Plans.Select(p => p.Amount));
        var against = Sum(financing.Funds.Where(f => f.Plan is { } plan && plans.Contains(plan)).Select(f => f.Amount));
        rows.Add(Row("financing.mobilizedAgainstPlan", new("التمويل المعبأ مقابل المقدر", "Mobilisé au regard du prévu"), Amount("financing.mobilizedAgainstPlan", against)));
        rows.Add(Row("financing.commitmentRate.percent", new("نسبة الالتزام", "Taux d'engagement"),
            Percent("financing.commitmentRate.percent", against.Dirhams, planned.Dirhams, "no financing plan is recorded by this date")));
        return new ReviewTable("3-2", "3-2", new("التمويل المقدر مقابل التمويل المعبأ", "Financement prévu et mobilisé"), [ValueColumn], rows);
    }

    private static ReviewTable Partnerships(FinancingState financing) =>
        new("4-2", "4-2", new("اتفاقيات الشراكة", "Conventions de partenariat"), [ValueColumn],
        [
            Row("partnerships.agreements.count", new("عدد الاتفاقيات", "Nombre de conventions"), Count("partnerships.agreements.count", financing.Agreements.Count, Units.Agreements)),
            Row("partnerships.envelope", new("الغلاف المالي", "Enveloppe"), Amount("partnerships.envelope", Sum(financing.Agreements.Select(a => a.Envelope)))),
            Row("partnerships.cofunded.count", new("بمساهمة الجماعة", "Cofinancées par la commune"),
                Count("partnerships.cofunded.count", financing.Agreements.Count(a => a.Kind == AgreementKind.Cofunded), Units.Agreements)),
            Row("partnerships.partnerFunded.count", new("بتمويل كلي من الشركاء", "Financées entièrement par les partenaires"),
                Count("partnerships.partnerFunded.count", financing.Agreements.Count(a => a.Kind == AgreementKind.PartnerFunded), Units.Agreements)),
        ]);

    /// <summary>Figures an evaluation report may print that the ledger does not hold the facts for.</summary>
    public static readonly IReadOnlyList<(string Metric, BilingualText Label, string Reason)> NotDerivableFigures =
    [
        ("financialAutonomy", new("نسبة الاستقلالية المالية", "Taux d'autonomie financière"),
            "the ledger records the programme's projects and financing, not the commune's budget revenue and expenditure from which financial autonomy is computed"),
        ("assets", new("الممتلكات الجماعية", "Patrimoine communal"),
            "the ledger records no inventory of communal property (buildings, roads, junctions and land received)"),
    ];

    private static ReviewTable NotDerivableTable() =>
        new("not-derivable", "4", new("أرقام لا يستخرجها السجل", "Chiffres que le registre ne peut pas dériver"), [ValueColumn],
            NotDerivableFigures.Select(f => Row(f.Metric, f.Label, NotDerivable(f.Metric, Units.Text, f.Reason))).ToList());

    private static class Labels
    {
        public static readonly BilingualText Programmed = new("المشاريع المبرمجة", "Projets programmés");
        public static readonly BilingualText ProgrammedCost = new("المبلغ المبرمج", "Montant programmé");
        public static readonly BilingualText Completed = new("انتهى", "Achevés");
        public static readonly BilingualText InProgress = new("انطلق", "Lancés (en cours)");
        public static readonly BilingualText Started = new("منتهية أو في طور الإنجاز", "Achevés ou en cours");
        public static readonly BilingualText ProgressByCount = new("نسبة التقدم حسب العدد", "Taux d'avancement en nombre");
        public static readonly BilingualText ProgressByCost = new("نسبة التقدم حسب التكلفة", "Taux d'avancement en coût");
        public static readonly BilingualText InPreparation = new("المشاريع في طور الإعداد", "Projets en préparation");
        public static readonly BilingualText EstimatedCost = new("التكلفة التقديرية", "Coût estimatif");
        public static readonly BilingualText InPreparationFirstPhase = new("في طور الإعداد ومبرمجة في المرحلة الأولى", "En préparation, programmés en première phase");
        public static readonly BilingualText EstimatedCostFirstPhase = new("التكلفة التقديرية للمرحلة الأولى", "Coût estimatif, première phase");
        public static readonly BilingualText ShareOfProgrammed = new("النسبة من المشاريع المبرمجة", "Part des projets programmés");
    }
}
