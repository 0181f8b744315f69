# Solution of the lab "Estado e timers: utilizador inativo".
fluxolab-cli replay assets/traces/atividade_app.csv --key utilizador --arrival-field arrival --process inactivity:10s
echo 0
fluxolab-cli replay assets/traces/atividade_app.csv --key utilizador --arrival-field arrival --process inactivity:20s
