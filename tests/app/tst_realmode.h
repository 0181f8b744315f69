#pragma once
#include <QObject>

/// The real-cluster mode (app/real): the connection dialog, its profiles and passwords, the
/// switch, the worker thread and the connection status. The cases that need the test broker
/// (kafka-broker.sh, label real) skip without FLUXOLAB_KAFKA_STATE.
class RealModeTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void dialogSavesProfileWithoutPassword();
    /// With a keychain (an in-memory one: no Secret Service runs under the tests) the password goes
    /// there, never to the settings file; a new run reads it back from the keychain; a keychain that
    /// fails leaves it in memory and the dialog says so.
    void passwordGoesToTheKeychain();
    /// A random password typed in the dialog, saved (session memory: no keychain), turned into a
    /// connection and copied: the scan of the process's own memory (tests/memory_marker.h) finds
    /// those copies while they live and none once the dialog is closed, the profile's password
    /// removed and the connections gone; from the first stored password on the process is not
    /// dumpable (PR_SET_DUMPABLE 0).
    void passwordLeavesNoCopyOfOursInMemory();
    /// "Testar ligação" then connect and disconnect, all over SASL_PLAINTEXT to a silent broker
    /// with the password typed into the field: once back on the simulation and the threads gone,
    /// the password is nowhere in the process's memory (our copies and librdkafka's, which never
    /// logged in here).
    void passwordGoneAfterTestConnectAndDisconnect();
    /// The password field keeps nothing for an undo: loading a profile or closing the dialog
    /// empties it with setText, which also empties the undo history (QLineEdit::clear() edits:
    /// it records the removed characters there); no undo brings the password back.
    void passwordFieldKeepsNoUndoHistory();
    /// "Testar ligação" on a silent broker (10 s probe): the button turns into "Cancel the test";
    /// a cancel frees the dialog at once, the probe's thread ends within about a second (not at its
    /// timeout) and its late answer is not shown; closing the dialog while it tests does the same.
    void cancelTestReturnsAtOnce();
    /// Two busy threads load the CPU while the real mode works against a silent broker (connect, a
    /// terminal command, a test cancelled, back to the simulation, again, the window closed): every
    /// call of ours on the GUI thread and every stretch between two 10 ms ticks takes under 50 ms of
    /// the GUI thread's CPU (the wall-clock stall is reported: it counts the waits for a core).
    void guiThreadFreeUnderCpuLoad();
    void testConnectionReportsUnreachable();
    void deadBrokerShowsLossAndWindowResponds();
    void switchesBackToSimulation();
    /// A dead port with a 5 s request timeout (one refresh answers in ~8 s): from the third second
    /// on, the status says "no connection … trying again" and changes every second (how long).
    void statusUpdatesEverySecondWithoutAnswers();
    /// One refresh stuck for 2.5 s in a request: the next ones go to another worker and keep the
    /// 200 ms cadence; the stuck one's late answer is dropped (an older picture).
    void refreshCadenceKeptBehindAStuckRequest();
    /// Every refresh stuck after the first answer: at most kMaxWorkers wait; after 3 s without an
    /// answer the status says the connection is lost, before the requests' own timeout.
    void statusSaysLostWhileEveryRefreshIsStuck();
    /// A silent broker (a listening socket that never answers): connecting, a terminal command,
    /// "Testar ligação" and closing the dialog while it probes, reconnecting, going back to the
    /// simulation and closing the window all return at once; no librdkafka call runs on the GUI
    /// thread (labs::rdkafkaCallsOnGuardedThread) and the threads still inside their requests are
    /// ended by the reaper, not waited for.
    void noLibrdkafkaCallNorJoinOnTheGuiThread();
    /// A silent broker with a 10 s request timeout: going back to the simulation while the refresh
    /// worker and the terminal's worker are inside their requests ends both threads within about a
    /// second (RdKafkaConnection::abort), not at the requests' 10 s timeout.
    void leavingRealModeCutsBlockingRequestsShort();
    /// Hand-built refreshes (no broker): the rebalances seen between them are ticks on the real
    /// view's timeline at their times; a group keeps its ordinal and its lag line its colour when a
    /// group that sorts before it appears.
    void rebalancesOnTheTimelineAndGroupColoursKept();
    /// In real mode the terminal's commands run on the worker and print what the tools print: a
    /// usage error (no broker needed) is the same text as on the simulation; an unknown command too.
    void terminalCommandsRunOnTheWorker();
    void realBrokerShowsTopicAndGroup();
    void brokerLossAndRecovery();
    /// The simulation's canvas and plots on the test broker's observation (label real).
    void realBrokerOnTheSharedViews();
    /// The terminal in real mode: kafka-topics, the console producer and consumer (Ctrl+C) on the
    /// test broker, run on the worker thread, print what the same command prints headless.
    void terminalRunsOnRealBroker();
    /// The SASL listener of the test broker (label real): "Testar ligação" with the right password
    /// reaches it, a wrong one says "wrong credentials" (en and pt_PT); SCRAM says why Kafka 4.x refuses
    /// this librdkafka; a real-mode session with the right password lists the topics, with a wrong one
    /// says so in the status. The passwords are in no message, nor in the settings file (real/app-sasl
    /// also greps the test's stdout and stderr for them).
    void saslLoginOnRealBroker();
    /// "Testar ligação" on the test broker names its release line, inferred from ApiVersions (4.x).
    void testConnectionShowsBrokerVersion();
    /// The broker stops (kafka-broker.sh stop --keep) while the terminal works on it: the status says
    /// so, the window keeps responding; after `restart` (same port, same data) the app reconnects by
    /// itself and the topic created before is still there. Needs FLUXOLAB_KAFKA_SCRIPT.
    /// Lab 1 is at step 2 when the broker stops: the panel
    /// still shows step 2 during the outage and after the restart, and the lab goes on from there.
    void brokerStopAndRestart();
    /// Lab 1 on the test broker at step 2 (two steps passed): a reconnect to the same cluster, and
    /// going to the simulation and back, resume it at step 2 (no setup again), and the step's
    /// check still works there; "Restart" starts it over (label real).
    void labProgressKeptOnReconnect();
    /// Lab 1 on the test broker at step 2, then the window closes (as the app does on exit): its
    /// progress is in QSettings (labs/realProgress/<bootstrap>/<lab>), and a new window connected to
    /// the same cluster resumes the lab at step 2 without running its setup again (label real).
    void labProgressSurvivesARestartOfTheApp();
    /// Labs 1-3 in the app's real mode, solved from the lab panel alone with the same clicks as on
    /// the simulation (LabPanelTest): the setup and the checks act on the test broker (label real).
    void labsSolvedFromThePanelOnRealBroker_data();
    void labsSolvedFromThePanelOnRealBroker();
    /// A wrong solution of lab 1 (one keyed record instead of three) stops at the same step on the
    /// simulation and on the test broker; the other steps before it pass on both (label real).
    void wrongSolutionFailsTheSameStepOnRealBroker();
    /// "Compare with the real cluster": disabled on the simulation; against a closed port the dialog
    /// returns at once, the GUI thread keeps running timers while the compare waits, and the summary
    /// says that the broker cannot be reached (no broker needed).
    void compareDialogSaysUnreachableWithoutBlocking();
    /// The same script on the simulation and on the test broker: "No differences" (label real).
    void compareDialogSameOutputOnRealBroker();
    void compareDialogSilentPortSaysNoKafkaAnswer();
    void compareDialogUsesTheSaslProfile();
    void compareCancelStopsTheJob();
    void compareDialogClosedWhileRunningLeavesNoThread();
    void compareTheTerminalCommands();
    /// Screenshots of the dialog and the real view (only with FLUXOLAB_REALMODE_SHOTS=folder).
    void screenshots();
};
