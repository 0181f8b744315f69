# Solution of the lab "Tempo de evento e watermarks".
fluxolab-cli replay assets/traces/cliques_do_site.csv --key pagina --watermark bounded:5s --window tumble:1m --watermark-interval per-event
echo 10:01:05.930
fluxolab-cli replay assets/traces/cliques_do_site.csv --key pagina --watermark sql:5s --window tumble:1m --watermark-interval per-event
fluxolab-cli replay assets/traces/sensores_iot.csv --key sensor --watermark bounded:10s --window tumble:1m --partition-field partition --arrival-field arrival
fluxolab-cli replay assets/traces/sensores_iot.csv --key sensor --watermark bounded:10s --window tumble:1m --partition-field partition --arrival-field arrival --idle-timeout 30s
