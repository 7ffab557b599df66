// chokepoint-batch: the headless front-end. Links no Qt, so it runs on a display-less node.
#include "app/batch/commands.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <thread>

int main(int argc, char** argv)
{
    CLI::App app{"chokepoint-batch: simulate who gets which AI chips, where, under which export rules,\n"
                 "and what that does to each firm's model capability over time.\n"
                 "Exit codes: 0 success, 1 run failure, 2 bad input or usage."};
    app.set_version_flag("--version", std::string("chokepoint-batch ") + CHOKEPOINT_VERSION);
    app.require_subcommand(1);

    cp::batch::RunArgs run;
    auto* runCmd = app.add_subcommand("run", "Run a scenario (one run, or a Monte Carlo batch) and write results");
    runCmd->add_option("scenario", run.scenario, "Scenario file (YAML)")->required();
    runCmd->add_option("--seed", run.seed, "Master seed (default: the scenario's run.seed)")
        ->each([&](const std::string&) { run.seedGiven = true; });
    runCmd->add_option("--runs", run.runs, "Number of runs; each gets a seed derived from the master seed and "
                                           "draws uncertain parameters (default: run.runs)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{10000000}));
    runCmd->add_option("--jobs,-j", run.jobs, "Threads running simulations (results are identical for any value)")
        ->check(CLI::Range(1u, 1024u));
    runCmd->add_option("--set", run.sets, "Override a scenario value by key path, e.g. firms.deepseek.mfu=0.3 "
                                          "or policies.us-diffusion-rule.enabled=true (repeatable)");
    runCmd->add_option("--out,-o", run.out, "Output folder for timeseries.csv and summary.json")->capture_default_str();
    runCmd->add_flag("--quiet,-q", run.quiet, "Do not print the summary table");
    runCmd->add_flag("--summary-only", run.summaryOnly,
                     "Write only summary.json, not timeseries.csv (~2 MB per run): for large Monte Carlo batches");

    std::vector<std::string> validateFiles;
    bool strict = false;
    auto* validateCmd = app.add_subcommand("validate", "Check scenario files; print every error as file:line:column");
    validateCmd->add_option("scenarios", validateFiles, "Scenario files")->required();
    validateCmd->add_flag("--strict", strict, "Treat warnings (e.g. stale sources) as errors");

    cp::batch::CalibrateArgs cal;
    auto* calCmd = app.add_subcommand("calibrate", "Run the baseline once and check it against known historical facts");
    calCmd->add_option("facts", cal.facts, "Facts file (default: resources/calibration/facts.yaml)");
    calCmd->add_option("--scenario", cal.scenario, "Scenario to check (default: the one the facts file names)");
    calCmd->add_option("--seed", cal.seed, "Seed (default: the scenario's run.seed)")
        ->each([&](const std::string&) { cal.seedGiven = true; });
    calCmd->add_option("--set", cal.sets, "Override a scenario value by key path (repeatable)");
    calCmd->add_option("--markdown", cal.markdown, "Also write the table as Markdown to this file");
    calCmd->add_option("--releases", cal.releases, "Also write every model release of the run as CSV to this file");
    calCmd->add_option("--csv", cal.csv, "Also write the checks as CSV (id,kind,observed,low,high,result) to this file");

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e); // --help, --version
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    }
    if (*runCmd)
        return cp::batch::runCommand(run);
    if (*calCmd)
        return cp::batch::calibrateCommand(cal);
    if (*validateCmd)
        return cp::batch::validateCommand(validateFiles, strict);
    return 2;
}
