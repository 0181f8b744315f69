// FluxoLab desktop app entry point: parse the command line, hand over to the app library.
#include "app/core/application.h"

int main(int argc, char** argv) { return fluxolab::app::runApplication(argc, argv); }
