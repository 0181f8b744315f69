# Solution of the lab "Janelas: TUMBLE, HOP e SESSION".
fluxolab-cli replay assets/traces/cliques_do_site.csv --key pagina --watermark bounded:5s --window tumble:1m --watermark-interval per-event
fluxolab-cli replay assets/traces/cliques_do_site.csv --key pagina --watermark bounded:5s --window tumble:1m --watermark-interval per-event --late side-output
fluxolab-cli replay assets/traces/cliques_do_site.csv --key pagina --watermark bounded:5s --window tumble:1m --watermark-interval per-event --allowed-lateness 90s
fluxolab-cli replay assets/traces/pagamentos.csv --key user_id --watermark bounded:5s --watermark-interval per-event --agg sum:valor --window hop:10s,1m
fluxolab-cli replay assets/traces/pagamentos.csv --key user_id --watermark bounded:5s --watermark-interval per-event --agg count --window session:30s
