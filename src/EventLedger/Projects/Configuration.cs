using JasperFx.Events.Projections;
using Marten;

namespace EventLedger.Projects;

public static class ProjectsConfiguration
{
    public static void Configure(StoreOptions opts)
    {
        foreach (var (name, type) in ProjectFactTypes.ByName) opts.Events.MapEventType(type, name);

        opts.Projections.Add(new ProjectProjection(), ProjectionLifecycle.Inline);
        opts.Schema.For<Project>()
            .Index(x => x.State.Programme)
            .Index(x => x.State.Orientation)
            .Index(x => x.State.Nature)
            .Index(x => x.State.District);
    }
}
