# Solution of the lab "Checkpoints e recuperação".
fluxolab-cli replay assets/traces/sensores_iot.csv --key sensor --watermark bounded:10s --window tumble:1m --arrival-field arrival --checkpoint-interval 30s
fluxolab-cli replay assets/traces/sensores_iot.csv --key sensor --watermark bounded:10s --window tumble:1m --arrival-field arrival --checkpoint-interval 30s --crash-at 250
echo 3
