using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EventLedger.Common;
using EventLedger.Communes.RegisteringCommune;
using EventLedger.Financing.Recording;
using EventLedger.Programmes.AdoptingProgramme;
using EventLedger.Programmes.RevisingProgramme;
using EventLedger.Projects;
using EventLedger.Projects.ImportingHistory;
using EventLedger.Reviews.Reconciling;
using NodaTime;

namespace EventLedger.Dataset.Marrakech;

/// <summary>
/// The Marrakech action programme 2023-2028, RECONSTRUCTED from the totals its second evaluation report publishes
/// (see README.md beside this file). Only the 16 projects of the report's section 2-5 are real; every other project is
/// synthetic and carries <c>reconstructed: true</c>. The script is deterministic: the same commands, amounts and
/// recorded times on every build.
/// </summary>
public static class MarrakechDataset
{
    public const string Name = "marrakech-2023-2028-reconstructed";
    public const string Commune = "marrakech";
    public const string Programme = "PAC-2023-2028";

    // ---- the assumed dates (README.md, "Dates") ---------------------------------------------------------------
    public static readonly LocalDate AdoptedOn = new(2022, 12, 26);
    public static readonly Instant ProgrammedAt = Instant.FromUtc(2022, 12, 26, 10, 0);
    public static readonly Instant Recorded2023 = Instant.FromUtc(2024, 1, 31, 10, 0);
    public static readonly Instant Published2023 = Instant.FromUtc(2024, 3, 29, 10, 0);
    public static readonly Instant Recorded2024 = Instant.FromUtc(2025, 1, 31, 10, 0);
    public static readonly Instant Published2024 = Instant.FromUtc(2025, 3, 31, 10, 0);
    public static readonly Instant FiguresRecordedAt = Instant.FromUtc(2025, 3, 31, 10, 5);
    private static readonly LocalDate End2023 = new(2023, 12, 31);
    private static readonly LocalDate End2024 = new(2024, 12, 31);

    // ---- the reconstruction's choices, per orientation 1-4 (README.md, "Counts") --------------------------------
    private static readonly int[] Completed2023 = [21, 7, 24, 19];
    private static readonly int[] Completed2024 = [9, 3, 10, 8];
    private static readonly int[] InProgressSince2023 = [13, 40, 66, 20];
    private static readonly int[] Launched2024 = [6, 16, 14, 10];
    private static readonly int[] InPreparation = [35, 40, 22, 40];

    // ---- exact amounts in dirhams (README.md, "Amounts") -------------------------------------------------------
    private static readonly decimal[] CompletedCost2024 = [235_096_318.47m, 249_728_104.62m, 63_696_275.18m, 39_107_006.35m];
    private static readonly decimal[] InProgressCost2024 = [622_732_415.26m, 2_560_251_908.74m, 2_581_112_367.09m, 569_285_733.51m];
    private const decimal StartedCost2023 = 2_940_487_915.31m;
    private const decimal ProgrammeCost = 15_156_940_000.00m;
    private const decimal RevisionIncrease = 5_000_000.00m;
    private const decimal EstimatedPhase1 = 6_562_030_000.00m;
    private const decimal EstimatedAll = 7_742_030_000.00m;
    private const decimal PlannedFinancing = 1_135_570_000.00m;
    private const decimal OwnResourcesAgainstPlan = 1_948_500_000.00m;
    private const decimal OwnResources = 1_956_488_160.93m;
    private const decimal Partnerships = 4_814_610_362.80m;
    private const int CofundedAgreements = 23;
    private const int PartnerFundedAgreements = 30;

    /// <summary>Started projects and in-preparation synthetic projects by nature, as the report prints them (2-4).</summary>
    private static readonly (string Nature, int Started, int SubProjects, int Programmed)[] Natures =
    [
        ("urban-development", 64, 106, 92),
        ("equipment-buildings", 77, 45, 160),
        ("governance", 109, 17, 134),
        ("cultural-sports", 36, 0, 37),
    ];

    /// <summary>The nature of each real project: an assumption, the report does not print it (README.md).</summary>
    private static readonly Dictionary<string, (string Nature, string Fr)> Real = new()
    {
        ["B1-4"] = ("urban-development", "Lignes de bus à haut niveau de service, ligne T-06 : Bab Doukkala – Tamansourt"),
        ["B1-1"] = ("urban-development", "Lignes de bus à haut niveau de service, ligne T-01 : Massira – Sidi Youssef"),
        ["B1-2"] = ("urban-development", "Lignes de bus à haut niveau de service, ligne T-04 : Mhamid – port sec"),
        ["B1-3"] = ("urban-development", "Lignes de bus à haut niveau de service, ligne T-05 : Bab Ghmat – Azzouzia"),
        ["D2-1"] = ("equipment-buildings", "Création du palais des expositions et des manifestations"),
        ["D1-3"] = ("urban-development", "Aménagement du pôle urbain économique de Bab Doukkala"),
        ["D2-4"] = ("governance", "Contribution à la relance de la promotion touristique"),
        ["D1-9"] = ("equipment-buildings", "Contribution à la création d'un marché d'intérêt national"),
        ["D1-2"] = ("urban-development", "Aménagement d'un pôle d'affaires au quartier administratif de Sidi Youssef Ben Ali"),
        ["B1-45"] = ("urban-development", "Aménagement de l'écoquartier, unité 4"),
        ["D1-8"] = ("equipment-buildings", "Contribution à la création d'un nouvel abattoir"),
        ["D1-30"] = ("equipment-buildings", "Création d'un technoparc dans l'ancien quartier industriel"),
        ["B1-9"] = ("urban-development", "Ouvrage d'art au croisement des avenues Allal El Fassi et Abdelkrim El Khattabi"),
        ["B1-10"] = ("urban-development", "Ouvrage d'art au croisement de la route nationale 7 et de l'avenue Abdelkrim El Khattabi"),
        ["B1-11"] = ("urban-development", "Ouvrage d'art au croisement de la route nationale 8 et des avenues Mohammed V et Abdelkrim El Khattabi"),
        ["B1-12"] = ("urban-development", "Ouvrage d'art au rond-point Al Massira (avenues Mohammed VI, Abdelkrim El Khattabi et Hassan II)"),
    };

    private enum Group { Completed2023, Completed2024, InProgressSince2023, Launched2024, InPreparation }

    private sealed class Plan
    {
        public required string Code;
        public required int Orientation;
        public required Group Group;
        public required bool IsReal;
        public string Nature = "";
        public string District = "";
        public int Year;
        public string Owner = "CM";
        public string? Delegated;
        public string TitleAr = "";
        public string TitleFr = "";
        public decimal Programmed;
        public decimal? Estimated;
        public decimal Cost2023;
        public decimal Cost2024;
    }

    public static JsonNode Seed()
    {
        using var stream = typeof(MarrakechDataset).Assembly.GetManifestResourceStream("EventLedger.Dataset.Marrakech.published-figures.json")
            ?? throw new InvalidOperationException("The seed's published-figures.json is not embedded in the assembly.");
        return JsonNode.Parse(stream)!;
    }

    public static DatasetScript Build()
    {
        var seed = Seed();
        var rng = new SplitMix(20232028);
        var orientations = seed["orientations"]!.AsArray().Select(o => (Number: o!["number"]!.GetValue<int>(), Letter: o["code_letter"]!.GetValue<string>(),
            Ar: o["ar"]!.GetValue<string>(), Fr: o["fr"]!.GetValue<string>())).OrderBy(o => o.Number).ToList();
        var districts = seed["arrondissements"]!.AsArray().Select(d => d!["code"]!.GetValue<string>()).ToList();
        var top = seed["top_in_preparation"]!["rows"]!.AsArray().Select(r => r!).ToList();

        var plans = Projects(orientations.Select(o => o.Letter).ToList(), top, districts, rng);
        Amounts(plans, top, rng);

        var steps = new List<DatasetStep>
        {
            new RegisterStep(ProgrammedAt, new RegisterCommune(Commune, seed["commune"]!["name_ar"]!.GetValue<string>(), seed["commune"]!["name_fr"]!.GetValue<string>())),
            new AdoptStep(ProgrammedAt, new AdoptProgramme(Programme, seed["programme"]!["name_ar"]!.GetValue<string>(),
                "Programme d'action de la commune de Marrakech 2023-2028", AdoptedOn, 2023, 2028,
                [new PhaseInput(1, 2023, 2025), new PhaseInput(2, 2026, 2028)],
                orientations.Select(o => new OrientationInput(o.Number, o.Letter, o.Ar, o.Fr)).ToList(),
                seed["natures"]!.AsArray().Select(n => new LabelInput(n!["code"]!.GetValue<string>(), n["ar"]!.GetValue<string>(), n["fr"]!.GetValue<string>())).ToList(),
                seed["arrondissements"]!.AsArray().Select(n => new LabelInput(n!["code"]!.GetValue<string>(), n["ar"]!.GetValue<string>(), n["fr"]!.GetValue<string>())).ToList())),
            Import(ProgrammedAt, plans.Select(p => (p.Code, Facts(ProgrammedAt, Programming(p, AdoptedOn, null, 0m))))),
            new FinancingStep(ProgrammedAt, Programme, Plans:
            [
                new PlanFinancing(AdoptedOn, 2022, 2025, PlannedFinancing,
                    "Financement estimé lors de l'élaboration du programme pour les projets programmés de 2022 à 2025 (rapport, section 3-2)."),
            ]),
            Import(Recorded2023, plans.Where(p => p.Group is Group.Completed2023 or Group.Completed2024 or Group.InProgressSince2023).Select(p => (p.Code,
                p.Group == Group.Completed2023
                    ? Facts(Recorded2023, new ProjectLaunched(End2023), new ProjectCompleted(End2023, Money.Mad(p.Cost2023)))
                    : Facts(Recorded2023, new ProjectLaunched(End2023), new ProjectRealCostRecorded(End2023, Money.Mad(p.Cost2023)))))),
            new PublishStep(Published2023, Programme, 2023, "Premier rapport d'évaluation annuelle du programme d'action 2023-2028 (exercice 2023)"),
        };

        var revalued = plans.Where(p => p.Group == Group.InPreparation && !p.IsReal && p.Year <= 2025).OrderBy(p => p.Code, StringComparer.Ordinal).First();
        steps.Add(new ReviseStep(Recorded2024, Programme, new ReviseProgramme(End2024,
            "Révision 2024 du programme (reconstituée) : le deuxième rapport d'évaluation imprime le montant programmé à 15 161,94 MDH contre 15 156,94 MDH à l'adoption ; le rapport ne dit pas quel projet a changé.",
            Revalued: [new RevisedCost(revalued.Code, revalued.Programmed + RevisionIncrease)])));

        var subProjects = SubProjects(plans);
        steps.Add(Import(Recorded2024, plans.Where(p => p.Group is Group.Completed2024 or Group.Launched2024 or Group.InPreparation).Select(p => (p.Code, p.Group switch
        {
            Group.Completed2024 => Facts(Recorded2024, new ProjectCompleted(End2024, Money.Mad(p.Cost2024))),
            Group.Launched2024 => Facts(Recorded2024, new ProjectLaunched(End2024), new ProjectRealCostRecorded(End2024, Money.Mad(p.Cost2024))),
            _ => Facts(Recorded2024, new ProjectPreparationStarted(End2024, Money.Mad(p.Estimated!.Value))),
        })).Concat(subProjects)));

        var agreements = Split(Partnerships, CofundedAgreements + PartnerFundedAgreements, rng);
        var kinds = Enumerable.Repeat("cofunded", CofundedAgreements).Concat(Enumerable.Repeat("partner-funded", PartnerFundedAgreements)).ToList();
        rng.Shuffle(kinds);
        steps.Add(new FinancingStep(Recorded2024, Programme,
            Agreements: agreements.Select((amount, i) => new SignAgreement(End2024, $"CONV-{i + 1:000}",
                $"اتفاقية شراكة رقم {i + 1} (معاد تركيبها)", $"Convention de partenariat n° {i + 1} (reconstituée)", kinds[i], amount,
                ["Partenaires non nommés par le rapport"], Reconstructed: true)).ToList(),
            Funds:
            [
                new MobiliseFunds(End2024, "own-resources", OwnResourcesAgainstPlan, "RP-2023-2024-PLAN", Plan: "2022-2025", Reconstructed: true),
                new MobiliseFunds(End2024, "own-resources", OwnResources - OwnResourcesAgainstPlan, "RP-2023-2024-AUTRES", Reconstructed: true),
                .. agreements.Select((amount, i) => new MobiliseFunds(End2024, "partnerships", amount, $"CONV-{i + 1:000}-FONDS", Agreement: $"CONV-{i + 1:000}", Reconstructed: true)),
            ]));
        steps.Add(new PublishStep(Published2024, Programme, 2024, "Deuxième rapport d'évaluation annuelle du programme d'action 2023-2028 (exercices 2023-2024)"));

        foreach (var year in new[] { 2023, 2024 })
        {
            var figures = seed["figures"]!.AsArray().Where(f => f!["review"]!.GetValue<string>() == year.ToString(CultureInfo.InvariantCulture))
                .Select(f => f.Deserialize<PrintedFigureInput>(JsonDefaults.Options)!).ToList();
            steps.Add(new PrintedFiguresStep(FiguresRecordedAt, Programme, year, new RecordPublishedFigures(
                "Deuxième rapport d'évaluation annuelle, commune de Marrakech (seed 000_f0d4ec6604e3a6cf), transcrit dans published-figures.json",
                seed["about"]!.GetValue<string>(), figures, Published2024.InUtc().Date)));
        }

        return new DatasetScript(Name, Commune,
            "RECONSTRUCTED from the published totals of Marrakech's second evaluation report: only the 16 projects of its section 2-5 are real; every other project, every date and every split of an amount is a reconstruction (src/EventLedger/Dataset/Marrakech/README.md).",
            steps);
    }

    // ---- projects ---------------------------------------------------------------------------------------------

    private static List<Plan> Projects(List<string> letters, List<JsonNode> top, List<string> districts, SplitMix rng)
    {
        var plans = new List<Plan>();
        for (var o = 0; o < letters.Count; o++)
        {
            var letter = letters[o];
            var real = top.Where(r => r["code"]!.GetValue<string>().StartsWith(letter, StringComparison.Ordinal)).ToList();
            var groups = Enumerable.Repeat(Group.Completed2023, Completed2023[o])
                .Concat(Enumerable.Repeat(Group.Completed2024, Completed2024[o]))
                .Concat(Enumerable.Repeat(Group.InProgressSince2023, InProgressSince2023[o]))
                .Concat(Enumerable.Repeat(Group.Launched2024, Launched2024[o]))
                .Concat(Enumerable.Repeat(Group.InPreparation, InPreparation[o] - real.Count)).ToList();
            rng.Shuffle(groups);
            var taken = real.Select(r => r["code"]!.GetValue<string>()).ToHashSet();
            var codes = Codes(letter).Where(c => !taken.Contains(c)).Take(groups.Count).ToList();
            plans.AddRange(codes.Select((code, i) => new Plan { Code = code, Orientation = o + 1, Group = groups[i], IsReal = false }));
            plans.AddRange(real.Select(r => new Plan
            {
                Code = r["code"]!.GetValue<string>(),
                Orientation = o + 1,
                Group = Group.InPreparation,
                IsReal = true,
                Nature = Real[r["code"]!.GetValue<string>()].Nature,
                District = r["location"]!.GetValue<string>(),
                Year = r["year"]!.GetValue<int>(),
                Owner = r["owner"]!.GetValue<string>(),
                Delegated = r["delegated_owner"]!.GetValue<string>(),
                TitleAr = r["title_ar"]!.GetValue<string>(),
                TitleFr = Real[r["code"]!.GetValue<string>()].Fr,
            }));
        }

        // natures: the started projects take the printed split of 2-4; the in-preparation ones the rest of each nature
        var started = plans.Where(p => p.Group != Group.InPreparation).ToList();
        var natures = Natures.SelectMany(n => Enumerable.Repeat(n.Nature, n.Started)).ToList();
        rng.Shuffle(natures);
        for (var i = 0; i < started.Count; i++) started[i].Nature = natures[i];
        var preparing = plans.Where(p => p.Group == Group.InPreparation && !p.IsReal).ToList();
        var preparingNatures = Natures.SelectMany(n => Enumerable.Repeat(n.Nature,
            n.Programmed - n.Started - plans.Count(p => p.IsReal && p.Nature == n.Nature))).ToList();
        rng.Shuffle(preparingNatures);
        for (var i = 0; i < preparing.Count; i++) preparing[i].Nature = preparingNatures[i];

        // programmed years: started ones in the year they were launched; synthetic ones in preparation split between
        // the phases so that, with the real ones, 85 are of the first phase (2-5)
        foreach (var p in plans.Where(p => !p.IsReal))
        {
            p.Year = p.Group == Group.Launched2024 ? 2024 : 2023;
            p.District = districts[rng.Next(districts.Count)];
            p.TitleAr = $"مشروع معاد تركيبه {p.Code}";
            p.TitleFr = $"Projet reconstitué {p.Code}";
        }
        var phase1 = 85 - plans.Count(p => p.IsReal && p.Year <= 2025);
        var order = Enumerable.Range(0, preparing.Count).ToList();
        rng.Shuffle(order);
        for (var i = 0; i < order.Count; i++) preparing[order[i]].Year = i < phase1 ? 2023 + rng.Next(3) : 2026 + rng.Next(3);
        return plans.OrderBy(p => p.Orientation).ThenBy(p => p.Code, CodeOrder.Instance).ToList();
    }

    private static IEnumerable<string> Codes(string letter)
    {
        for (var programme = 1; ; programme++)
            for (var number = 1; number <= 60; number++)
                yield return $"{letter}{programme}-{number}";
    }

    private static void Amounts(List<Plan> plans, List<JsonNode> top, SplitMix rng)
    {
        // real projects: the printed estimated costs; the four junction structures share 333,33 MDH (printed 83,33 each)
        foreach (var p in plans.Where(p => p.IsReal))
        {
            var printed = top.Single(r => r["code"]!.GetValue<string>() == p.Code)["estimated_cost"]!.GetValue<decimal>();
            p.Estimated = printed == 83.33m ? 83_332_500.00m : printed * 1_000_000m;
        }

        for (var o = 0; o < 4; o++)
        {
            var those = plans.Where(p => p.Orientation == o + 1).ToList();
            var c23 = Round(CompletedCost2024[o] * 0.7m);
            var f24 = CompletedCost2024[o] - c23;
            Assign(those.Where(p => p.Group == Group.Completed2023), c23, rng, (p, a) => p.Cost2023 = p.Cost2024 = a);
            Assign(those.Where(p => p.Group == Group.Completed2024), f24, rng, (p, a) => p.Cost2024 = a);
            foreach (var p in those.Where(p => p.Group == Group.Completed2024)) p.Cost2023 = Round(p.Cost2024 * 0.9m);
        }

        var inProgress2023 = StartedCost2023 - plans.Where(p => p.Group is Group.Completed2023 or Group.Completed2024).Sum(p => p.Cost2023);
        var shares = Split(inProgress2023, InProgressCost2024, rng: null);
        for (var o = 0; o < 4; o++)
        {
            var those = plans.Where(p => p.Orientation == o + 1).ToList();
            Assign(those.Where(p => p.Group == Group.InProgressSince2023), shares[o], rng, (p, a) => p.Cost2023 = p.Cost2024 = a);
            Assign(those.Where(p => p.Group == Group.Launched2024), InProgressCost2024[o] - shares[o], rng, (p, a) => p.Cost2024 = a);
        }

        var realPhase1 = plans.Where(p => p.IsReal && p.Year <= 2025).Sum(p => p.Estimated!.Value);
        var realAll = plans.Where(p => p.IsReal).Sum(p => p.Estimated!.Value);
        Assign(plans.Where(p => p.Group == Group.InPreparation && !p.IsReal && p.Year <= 2025), EstimatedPhase1 - realPhase1, rng, (p, a) => p.Estimated = a);
        Assign(plans.Where(p => p.Group == Group.InPreparation && !p.IsReal && p.Year > 2025), EstimatedAll - EstimatedPhase1 - (realAll - realPhase1), rng, (p, a) => p.Estimated = a);

        // programmed costs: the real projects at their estimated cost, the others in proportion to what they cost
        foreach (var p in plans.Where(p => p.IsReal)) p.Programmed = p.Estimated!.Value;
        var synthetic = plans.Where(p => !p.IsReal).ToList();
        var weights = synthetic.Select(p => p.Group == Group.InPreparation ? p.Estimated!.Value : p.Cost2024).ToArray();
        var programmed = Split(ProgrammeCost - plans.Where(p => p.IsReal).Sum(p => p.Programmed), weights, rng: null);
        for (var i = 0; i < synthetic.Count; i++) synthetic[i].Programmed = programmed[i];
    }

    private static IEnumerable<(string Code, IReadOnlyList<ImportedFact> Facts)> SubProjects(List<Plan> plans)
    {
        foreach (var (nature, _, count, _) in Natures)
        {
            var parents = plans.Where(p => p.Group != Group.InPreparation && p.Nature == nature).OrderBy(p => p.Code, CodeOrder.Instance).ToList();
            for (var i = 0; i < count; i++)
            {
                var parent = parents[i % parents.Count];
                var code = $"{parent.Code}.{i / parents.Count + 1}";
                var child = new Plan
                {
                    Code = code, Orientation = parent.Orientation, Group = Group.Launched2024, IsReal = false, Nature = nature, District = parent.District,
                    Year = parent.Year, Owner = parent.Owner, TitleAr = $"مشروع فرعي معاد تركيبه {code}", TitleFr = $"Sous-projet reconstitué {code}",
                };
                yield return (code, Facts(Recorded2024, Programming(child, End2024, parent.Code, 0m), new ProjectLaunched(End2024)));
            }
        }
    }

    private static ProjectProgrammed Programming(Plan p, LocalDate effective, string? parent, decimal? cost) =>
        new(Programme, new ProjectCode(p.Code), effective, new BilingualText(p.TitleAr, p.TitleFr), ((char)('A' + p.Orientation - 1)).ToString(),
            p.Nature, p.District, new ProgrammeYear(p.Year), p.Owner, p.Delegated, Money.Mad(parent is null ? p.Programmed : cost!.Value),
            parent is null ? null : new ProjectCode(parent), Reconstructed: !p.IsReal);

    private static IReadOnlyList<ImportedFact> Facts(Instant at, params IProjectFact[] facts) =>
        facts.Select(f => new ImportedFact(ProjectFactTypes.NameOf(f), at, JsonSerializer.SerializeToElement(f, f.GetType(), JsonDefaults.Options))).ToList();

    private static ImportStep Import(Instant at, IEnumerable<(string Code, IReadOnlyList<ImportedFact> Facts)> projects) =>
        new(at, new ImportHistory(Programme, projects.Select(p => new ImportedProject(p.Code, p.Facts)).ToList()));

    // ---- exact splits -------------------------------------------------------------------------------------------

    private static decimal Round(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);

    private static void Assign(IEnumerable<Plan> plans, decimal total, SplitMix rng, Action<Plan, decimal> set)
    {
        var list = plans.OrderBy(p => p.Code, CodeOrder.Instance).ToList();
        var amounts = Split(total, list.Count, rng);
        for (var i = 0; i < list.Count; i++) set(list[i], amounts[i]);
    }

    /// <summary>Splits an exact total into <paramref name="count"/> positive amounts to the centime, weights drawn from the generator.</summary>
    private static decimal[] Split(decimal total, int count, SplitMix rng) =>
        Split(total, Enumerable.Range(0, count).Select(_ => 0.5m + rng.Next(1000) / 1000m).ToArray(), rng: null);

    /// <summary>Splits an exact total in proportion to weights, to the centime; the last amount takes the remainder, so the sum is exact.</summary>
    private static decimal[] Split(decimal total, decimal[] weights, SplitMix? rng)
    {
        var sum = weights.Sum();
        var amounts = weights.Select(w => decimal.Round(total * w / sum, 2, MidpointRounding.ToZero)).ToArray();
        amounts[^1] = total - amounts[..^1].Sum();
        return amounts;
    }

    /// <summary>Codes in their natural order: A1-2 before A1-10.</summary>
    private sealed class CodeOrder : IComparer<string>
    {
        public static readonly CodeOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = Parts(x!);
            var b = Parts(y!);
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                var c = int.TryParse(a[i], out var na) && int.TryParse(b[i], out var nb) ? na.CompareTo(nb) : string.CompareOrdinal(a[i], b[i]);
                if (c != 0) return c;
            }
            return a.Length.CompareTo(b.Length);
        }

        private static string[] Parts(string code) => code[..1].Length == 1 ? [code[..1], .. code[1..].Split('-', '.')] : [code];
    }

    /// <summary>A tiny deterministic generator (SplitMix64), so that the dataset does not depend on a framework's Random.</summary>
    private sealed class SplitMix(ulong seed)
    {
        private ulong _state = seed;

        public int Next(int bound)
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z % (ulong)bound);
        }

        public void Shuffle<T>(IList<T> items)
        {
            for (var i = items.Count - 1; i > 0; i--)
            {
                var j = Next(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }
        }
    }
}
