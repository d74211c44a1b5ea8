{{- define "revenge.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}{{ .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else -}}{{ printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}{{- end -}}
{{- end -}}

{{- define "revenge.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "revenge.selector" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "revenge.image" -}}
{{ .repository }}:{{ .tag | default $.appVersion }}
{{- end -}}

{{- define "revenge.backendImage" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{- define "revenge.webImage" -}}
{{ .Values.webImage.repository }}:{{ .Values.webImage.tag | default .Chart.AppVersion }}
{{- end -}}

{{- define "revenge.secretName" -}}
{{ .Values.existingSecret | default (printf "%s-secrets" (include "revenge.fullname" .)) }}
{{- end -}}

{{/* Environment of every backend container: settings, then secrets. */}}
{{- define "revenge.envFrom" -}}
- configMapRef:
    name: {{ include "revenge.fullname" . }}-config
- secretRef:
    name: {{ include "revenge.secretName" . }}
{{- end -}}

{{- define "revenge.mediaVolume" -}}
- name: media
{{- if .Values.media.existingClaim }}
  persistentVolumeClaim:
    claimName: {{ .Values.media.existingClaim }}
    readOnly: true
{{- else }}
  hostPath:
    path: {{ .Values.media.hostPath }}
    type: Directory
{{- end }}
{{- end -}}

{{- define "revenge.podSpecCommon" -}}
{{- with .Values.imagePullSecrets }}
imagePullSecrets: {{- toYaml . | nindent 2 }}
{{- end }}
securityContext: {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.nodeSelector }}
nodeSelector: {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations: {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity: {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}
