// The parts of docker-compose.yml and of Kubernetes objects that test/infra reads. YAML
// parses to untyped data; these shapes only name the fields the checks look at.

export type Labels = Record<string, string>;

export interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string; args?: Record<string, string> };
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  volumes?: string[];
  ports?: string[];
  read_only?: boolean;
  tmpfs?: string | string[];
  user?: string;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  labels?: Labels;
  annotations?: Record<string, string>;
}

export interface Probe {
  httpGet?: { path?: string; port?: number | string };
  tcpSocket?: { port?: number | string };
  exec?: { command?: string[] };
  periodSeconds?: number;
  failureThreshold?: number;
}

export interface KeyRef {
  name: string;
  key: string;
  optional?: boolean;
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    configMapKeyRef?: KeyRef;
    secretKeyRef?: KeyRef;
    fieldRef?: { fieldPath: string };
  };
}

export interface EnvFromSource {
  configMapRef?: { name: string; optional?: boolean };
  secretRef?: { name: string; optional?: boolean };
}

export interface SecurityContext {
  runAsNonRoot?: boolean;
  runAsUser?: number;
  allowPrivilegeEscalation?: boolean;
  readOnlyRootFilesystem?: boolean;
  capabilities?: { drop?: string[] };
  seccompProfile?: { type?: string };
}

export interface Container {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: EnvFromSource[];
  startupProbe?: Probe;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  resources?: {
    requests?: { cpu?: string | number; memory?: string };
    limits?: { cpu?: string | number; memory?: string };
  };
  securityContext?: SecurityContext;
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
}

export interface PodTemplate {
  metadata?: { labels?: Labels };
  spec: {
    containers: Container[];
    securityContext?: SecurityContext;
    volumes?: { name: string; configMap?: { name: string }; emptyDir?: object }[];
  };
}

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  spec?: Record<string, unknown>;
}

export interface WorkloadSpec {
  replicas?: number;
  serviceName?: string;
  selector?: { matchLabels?: Labels };
  template?: PodTemplate;
  volumeClaimTemplates?: { metadata: { name: string }; spec?: object }[];
}

export interface ServiceSpec {
  clusterIP?: string;
  selector?: Labels;
  ports?: { name?: string; port: number; targetPort?: number | string }[];
}

export interface HpaSpec {
  scaleTargetRef?: { apiVersion?: string; kind?: string; name?: string };
  minReplicas?: number;
  maxReplicas?: number;
  metrics?: {
    type: string;
    resource?: { name: string; target?: { type?: string; averageUtilization?: number } };
  }[];
}

export interface PdbSpec {
  minAvailable?: number | string;
  maxUnavailable?: number | string;
  selector?: { matchLabels?: Labels };
}

export interface IngressBackend {
  service?: { name: string; port?: { name?: string; number?: number } };
}

export interface IngressSpec {
  rules?: { host?: string; http?: { paths?: { path?: string; backend: IngressBackend }[] } }[];
}

export interface CnpgClusterSpec {
  instances?: number;
  storage?: { size?: string };
  bootstrap?: { initdb?: { database?: string; owner?: string } };
}

export interface Kustomization {
  namespace?: string;
  resources?: string[];
  images?: { name: string; newName?: string; newTag?: string }[];
}
