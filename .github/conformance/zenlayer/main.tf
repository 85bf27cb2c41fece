# The small zenlayercloud_zvm_instance stack of docs/terraform-zenlayer.md, applied and destroyed against cloudmock
# by .github/workflows/conformance.yml.
terraform {
  required_providers {
    zenlayercloud = {
      source = "zenlayer/zenlayercloud"
    }
  }
}

variable "endpoint" {
  description = "cloudmock's host:port"
  type        = string
  default     = "127.0.0.1:8080"
}

variable "subnet_id" {
  description = "a subnet of the account (the workflow asks cloudmock for one; any id where subnets are not modelled)"
  type        = string
  default     = "subnet-web"
}

provider "zenlayercloud" {
  access_key_id       = "cloudmock-access-key"
  access_key_password = "cloudmock-access-password"
  domain              = var.endpoint
  scheme              = "HTTP"
}

data "zenlayercloud_zvm_zones" "all" {
  name_regex = "^SEL"
}

data "zenlayercloud_zvm_instance_types" "small" {
  availability_zone = data.zenlayercloud_zvm_zones.all.zones.0.name
  cpu_count         = 1
  memory            = 2
}

data "zenlayercloud_zvm_images" "ubuntu" {
  availability_zone = data.zenlayercloud_zvm_zones.all.zones.0.name
  category          = "Ubuntu"
}

resource "zenlayercloud_zvm_instance" "web" {
  availability_zone          = data.zenlayercloud_zvm_zones.all.zones.0.name
  instance_type              = data.zenlayercloud_zvm_instance_types.small.instance_type_quotas.0.instance_type
  image_id                   = data.zenlayercloud_zvm_images.ubuntu.images.0.image_id
  instance_name              = "conformance"
  password                   = "Example~123"
  internet_charge_type       = "ByBandwidth"
  internet_max_bandwidth_out = 10
  system_disk_size           = 40
  subnet_id                  = var.subnet_id
  force_delete               = true
  tags = {
    suite = "conformance"
  }
}

output "instance_status" {
  value = zenlayercloud_zvm_instance.web.instance_status
}
